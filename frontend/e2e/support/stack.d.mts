// Types for stack.mjs (plain ESM so that scripts/lighthouse.mjs can share it).
export declare const FRONTEND_DIR: string;
export declare const RESULTS_DIR: string;
export declare const DEFAULT_ADMIN_DATABASE_URL: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function requireChromium(): void;
export declare function freePort(): Promise<number>;

export interface Database {
  name: string;
  url: string;
  drop(): Promise<void>;
}
export declare function createDatabase(adminUrl?: string): Promise<Database>;

export interface Server {
  baseUrl: string;
  /** BIC_DEMO_PASSWORD: the password of every demo user. */
  password: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export declare function startServer(o: {
  bin: string | undefined;
  databaseUrl: string;
  staticDir?: string;
  logFile?: string;
  env?: Record<string, string>;
}): Promise<Server>;

export interface Stack {
  baseUrl: string;
  password: string;
  database: string;
  /** Stops the server and drops the database. */
  stop(): Promise<void>;
}
export declare function startStack(o?: { bin?: string; adminUrl?: string; staticDir?: string; logFile?: string }): Promise<Stack>;
