import type * as vscode from 'vscode';

/** Every Markdown document; providers then keep only files inside the workspace (service.fileOf). */
export const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];
