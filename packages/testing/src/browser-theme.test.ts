import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './stack';

// The Keycloak login theme the browser tests check (web/test/keycloak-login.e2e.test.ts), read as files: what
// Keycloak would otherwise only reveal at its next start by silently falling back to its own theme.
const THEME = path.join(REPO_ROOT, 'deploy/keycloak/themes/govhall/login');

/** Java .properties as Keycloak's themes use them: key=value lines, # comments, UTF-8. Fails on duplicate keys. */
function readProperties(file: string): Map<string, string> {
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const entries = new Map<string, string>();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const match = /^([A-Za-z0-9_.-]+)\s*=(.*)$/.exec(line);
    if (!match) throw new Error(`${path.basename(file)}:${i + 1}: not a key=value line: ${line}`);
    if (line.endsWith('\\')) throw new Error(`${path.basename(file)}:${i + 1}: continuation lines are not used here`);
    const [, key, value] = match as unknown as [string, string, string];
    if (entries.has(key)) throw new Error(`${path.basename(file)}:${i + 1}: duplicate key ${key}`);
    entries.set(key, value.trim());
  }
  return entries;
}

describe('Keycloak login theme govhall', () => {
  it('extends Keycloak 26’s login theme, stays light and loads the center’s stylesheet after the parent’s', () => {
    const props = readProperties(path.join(THEME, 'theme.properties'));
    expect(props.get('parent')).toBe('keycloak.v2');
    expect(props.get('darkMode')).toBe('false');
    const styles = props.get('styles')!.split(/\s+/);
    expect(styles).toEqual(['css/styles.css', 'css/govhall.css']);
    expect(existsSync(path.join(THEME, 'resources/css/govhall.css'))).toBe(true);
  });

  it('has Chinese and English messages that parse, name the center and cover the footer', () => {
    const zh = readProperties(path.join(THEME, 'messages/messages_zh_CN.properties'));
    const en = readProperties(path.join(THEME, 'messages/messages_en.properties'));
    expect(zh.get('loginTitleHtml')).toBe('政务服务中心 · 统一身份认证');
    expect(zh.get('loginTitle')).toBe('统一身份认证 - {0}');
    expect(zh.get('invalidUserMessage')).toBe('用户名或密码错误，请重新输入。');
    for (const [key, value] of zh)
      expect({ key, chinese: /[\u4e00-\u9fff]/.test(value) }).toEqual({ key, chinese: true });
    // Every message the theme's own templates use exists in both languages.
    const footer = readFileSync(path.join(THEME, 'footer.ftl'), 'utf8');
    const used = [...footer.matchAll(/msg\("([A-Za-z0-9_.-]+)"\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) {
      expect({ key, zh: zh.has(key), en: en.has(key) }).toEqual({ key, zh: true, en: true });
    }
  });

  it('is the login theme of realm govhall', () => {
    const realm = JSON.parse(readFileSync(path.join(REPO_ROOT, 'deploy/keycloak/govhall-realm.json'), 'utf8')) as {
      loginTheme?: string;
      defaultLocale?: string;
      supportedLocales?: string[];
    };
    expect(realm.loginTheme).toBe('govhall');
    expect(realm.defaultLocale).toBe('zh-CN');
    expect(realm.supportedLocales).toEqual(expect.arrayContaining(['zh-CN', 'en']));
  });
});
