import { readFileSync } from 'node:fs';
import { Provider } from '@nestjs/common';
import { WorkflowRegistry } from '@sagsgang/sag';
import { AppConfig } from '../config/app-config';

/**
 * The built-in workflows plus the municipality's file named by
 * SAGSGANG_WORKFLOWS, validated at start-up: a bad entry stops the API with
 * a message naming it.
 */
export const workflowsProvider: Provider = {
  provide: WorkflowRegistry,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => loadWorkflows(config.SAGSGANG_WORKFLOWS),
};

export function loadWorkflows(file: string | undefined): WorkflowRegistry {
  if (!file) return new WorkflowRegistry();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`SAGSGANG_WORKFLOWS: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return WorkflowRegistry.fromJson(json);
  } catch (error) {
    throw new Error(`SAGSGANG_WORKFLOWS (${file}): ${(error as Error).message}`, { cause: error });
  }
}
