// Vite's client types (import.meta.glob, `new URL(…, import.meta.url)` workers) for the hashing page.
/// <reference types="vite/client" />
