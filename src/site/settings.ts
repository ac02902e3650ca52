/**
 * Site settings, in one place. Every value has a default for a local build and can be set from
 * the environment for deployment:
 *   SITE_URL     the public origin, e.g. https://www.example.gov.cn (used for canonical, feed, sitemap)
 *   BASE_PATH    where the archive lives under it, e.g. /xxgk/nianbao/ (every link carries it)
 *   SITE_TITLE   the archive's name
 *   PORTAL_NAME  the portal that publishes it, shown above the title
 *   PORTAL_URL   link back to the portal's home page (optional)
 * Read by astro.config.mjs and by the pages: both run in the same build process and environment.
 */

export interface SiteSettings {
  /** 档案名称, e.g. 政府信息公开工作年度报告 */
  title: string;
  /** 门户网站名称 */
  portalName: string;
  /** Link to the portal's home page, or null. */
  portalUrl: string | null;
  /** Origin with no trailing slash, e.g. https://www.example.gov.cn */
  siteUrl: string;
  /** Always starts and ends with "/", e.g. "/" or "/xxgk/nianbao/" */
  basePath: string;
}

export class SettingsError extends Error {}

export const DEFAULTS = {
  title: '政府信息公开工作年度报告',
  portalName: '政府信息公开专栏',
  siteUrl: 'https://www.example.gov.cn',
  basePath: '/',
} as const;

/** "/xxgk/nianbao/", "xxgk/nianbao", "/xxgk/nianbao" all become "/xxgk/nianbao/"; "" becomes "/". */
export function normalizeBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const segments = trimmed.split('/').filter(Boolean);
  for (const s of segments) {
    // Path segments go into every href unescaped: allow only what needs no escaping.
    if (s === '.' || s === '..' || !/^[A-Za-z0-9._~-]+$/.test(s)) {
      throw new SettingsError(`BASE_PATH “${raw}” 无效：每一段只能包含字母、数字和 . _ ~ -`);
    }
  }
  return `/${segments.join('/')}/`;
}

/** An http(s) origin without trailing slash; a path in SITE_URL is refused (use BASE_PATH). */
export function normalizeSiteUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULTS.siteUrl;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(`SITE_URL “${raw}” 不是有效的网址`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SettingsError(`SITE_URL “${raw}” 必须以 http:// 或 https:// 开头`);
  if (url.pathname !== '/' || url.search || url.hash) throw new SettingsError(`SITE_URL “${raw}” 只写协议和域名；路径请用 BASE_PATH`);
  return url.origin;
}

export function siteSettings(env: Record<string, string | undefined> = process.env): SiteSettings {
  return {
    title: env.SITE_TITLE?.trim() || DEFAULTS.title,
    portalName: env.PORTAL_NAME?.trim() || DEFAULTS.portalName,
    portalUrl: env.PORTAL_URL?.trim() || null,
    siteUrl: normalizeSiteUrl(env.SITE_URL),
    basePath: normalizeBasePath(env.BASE_PATH),
  };
}

/** The settings of this build. */
export const settings: SiteSettings = siteSettings();
