import { shownImage, type LeadImage } from '../../domain/lead-image.js';
import type { ImageUrls } from '../images/image-urls.js';
import { Picture } from './picture.js';

/** The article column's width (site.css: main is 44rem with 1rem padding). */
const STORY_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/**
 * An article's lead picture with its caption and credit, above the fold (fetched first, not
 * lazily). Nothing while the picture is not yet measured, or when it could not be had.
 */
export function LeadFigure(props: { image: LeadImage | null; urls: ImageUrls }) {
  const shown = shownImage(props.image);
  if (!shown || !props.image) return null;
  const { caption, credit } = props.image;
  return (
    <figure class="lead-image">
      {/* Without alt text the caption under it describes the picture; alt="" keeps it from being read twice. */}
      <Picture image={shown} urls={props.urls} sizes={STORY_SIZES} lazy={false} alt={shown.alt ?? ''} />
      {(caption || credit) && (
        <figcaption>
          {caption}
          {credit && <span class="credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
