import type { Command } from 'commander';
import { COMMAND_LINE } from '../domain/audit.js';
import { GazetteError } from '../domain/errors.js';
import { withStore } from '../command-context.js';
import type { CliIo } from './cli-io.js';
import { terminalSafe } from './terminal-safe.js';

function articleId(text: string): number {
  if (!/^\d{1,10}$/.test(text)) throw new GazetteError('VALIDATION_FAILED', `<id>: an article id is a number, not "${text}".`);
  return Number(text);
}

/** `gazette article takedown|unpublish|restore`: the editors' actions, from the command line. */
export function registerArticle(program: Command, io: CliIo): void {
  const article = program.command('article').description('take down, unpublish or restore an article');

  for (const [name, verb] of [['takedown', 'Took down'], ['unpublish', 'Unpublished']] as const) {
    article
      .command(name)
      .description(name === 'takedown' ? 'take an article down everywhere at once: its page answers 410, the reason is kept' : 'hide an article everywhere (its page is a 404), keeping the reason')
      .argument('<id>', 'the article id (the number in /article/<id>/…)')
      .requiredOption('--reason <text>', 'why, for the record (kept with who and when)')
      .action(async (id: string, options: { reason: string }) => {
        await withStore(async (store) => {
          const n = articleId(id);
          const found = await store.articles.findById(n);
          if (!found) throw new GazetteError('NOT_FOUND', `There is no article with id ${n}.`);
          const input = { reason: options.reason, actor: COMMAND_LINE };
          await (name === 'takedown' ? store.articles.takeDown(n, input) : store.articles.unpublish(n, input));
          io.out(`${verb} article ${n}: ${terminalSafe(found.headline)}`);
        }, io.env);
      });
  }

  article
    .command('restore')
    .description('publish a taken-down or unpublished article again')
    .argument('<id>')
    .action(async (id: string) => {
      await withStore(async (store) => {
        const n = articleId(id);
        await store.articles.restore(n, { actor: COMMAND_LINE });
        io.out(`Restored article ${n}; it is published again.`);
      }, io.env);
    });
}
