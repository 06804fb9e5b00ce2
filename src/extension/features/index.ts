import * as vscode from 'vscode';
import type { IndexService } from '../indexService';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { registerDefinitions } from './definition';
import { registerDocumentLinks } from './documentLinks';
import { registerFixAllCommand } from './fixAll';
import { registerHover } from './hover';
import { trackReadiness } from './readiness';
import { registerReferences } from './references';
import { registerRenameParticipant } from './renameFiles';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/**
 * The language features of Notes Navigator (SPEC §3 and the quick fixes of §2): quick fixes and fix-all,
 * definition / document links / hover / references / completion on every link kind, workspace symbols, and
 * link updates when notes are renamed or moved. Registration is cheap; providers answer once the index is ready.
 */
export function registerLanguageFeatures(context: vscode.ExtensionContext, service: IndexService): void {
  trackReadiness(service);
  context.subscriptions.push(
    registerCodeActions(service),
    registerFixAllCommand(service),
    registerDefinitions(service),
    registerDocumentLinks(service),
    registerHover(service),
    registerReferences(service),
    registerCompletion(service),
    registerWorkspaceSymbols(service),
    registerRenameParticipant(service),
  );
}
