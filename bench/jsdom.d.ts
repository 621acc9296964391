// Minimal typing for the jsdom baseline in bench/extraction.ts (the project does not install @types/jsdom).
declare module 'jsdom' {
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html: string, options?: { url?: string; virtualConsole?: VirtualConsole });
    readonly window: { document: Document & { body: { textContent: string | null } }; close(): void };
  }
}
