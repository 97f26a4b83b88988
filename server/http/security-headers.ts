/**
 * Headers on every answer, set in one onSend hook (no helmet dependency). The content policy fits the built
 * portal: its own scripts, styles and images only; the inline scripts of the page it answers with (the drawn
 * first-visit notice's guard) run by their hashes, so an injected script does not. Styles allow inline because the
 * component libraries insert <style> at run time.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi

/** 'sha256-…' sources for each inline script of the page, as CSP hashes them (the exact text between the tags). */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1])
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
}

function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    // data: for icons inlined by the build, blob: for a photo's preview before it is sent.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // blob: because the portal reads a chosen photo back from its object URL to send it.
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export interface SecurityHeaderOptions {
  /** The page every portal address is answered with (static-web.ts readPortal): its inline scripts run by hash. */
  portalPage: string
  /** Strict-Transport-Security: only where the site is served over https (production). */
  hsts: boolean
}

export function installSecurityHeaders(app: FastifyInstance, { portalPage, hsts }: SecurityHeaderOptions): void {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(inlineScriptHashes(portalPage)),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Addresses can carry a search for a phone number; other sites never see them.
    'Referrer-Policy': 'same-origin',
    ...(hsts ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  }
  app.addHook('onSend', async (_req, reply) => {
    reply.headers(headers)
  })
}
