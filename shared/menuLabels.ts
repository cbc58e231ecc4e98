import type { MenuCommand } from './commands';

/**
 * The native menu's words in each language the app speaks (issue 17). The menu lives in the main
 * process, which has no i18next: the renderer tells it the language (`app:setLanguage`) and the menu
 * is rebuilt from this table. Electron's role items (cut, copy, quit…) get explicit labels too, so
 * the whole menu follows the app's language rather than the operating system's.
 */
export const MENU_LANGUAGES = ['en', 'da', 'nl', 'ru', 'zh-Hans'] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number];

export type MenuWord =
  | 'file'
  | 'edit'
  | 'view'
  | 'help'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'close'
  | 'quit'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'fullScreen'
  | 'about';

type Words = Readonly<Record<MenuWord | MenuCommand, string>>;

export const MENU_LABELS: Readonly<Record<MenuLanguage, Words>> = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    help: '&Help',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    close: 'Close Window',
    quit: 'Quit Waypoint',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    about: 'About Waypoint',
    'account:new': 'New Account',
    'edit:undo': 'Undo',
    'edit:redo': 'Redo',
    'app:find': 'Find…',
    'app:commandPalette': 'Command Palette…',
    'view:toggleTheme': 'Toggle Dark Mode',
    'help:shortcuts': 'Keyboard Shortcuts',
    'csv:import': 'Import from CSV…',
  },
  da: {
    file: '&Filer',
    edit: '&Rediger',
    view: '&Vis',
    help: '&Hjælp',
    cut: 'Klip',
    copy: 'Kopiér',
    paste: 'Indsæt',
    selectAll: 'Vælg alt',
    close: 'Luk vindue',
    quit: 'Afslut Waypoint',
    resetZoom: 'Faktisk størrelse',
    zoomIn: 'Zoom ind',
    zoomOut: 'Zoom ud',
    fullScreen: 'Slå fuld skærm til/fra',
    about: 'Om Waypoint',
    'account:new': 'Ny konto',
    'edit:undo': 'Fortryd',
    'edit:redo': 'Gentag',
    'app:find': 'Søg…',
    'app:commandPalette': 'Kommandopalet…',
    'view:toggleTheme': 'Slå mørk tilstand til/fra',
    'help:shortcuts': 'Tastaturgenveje',
    'csv:import': 'Importér fra CSV…',
  },
  nl: {
    file: '&Bestand',
    edit: 'B&ewerken',
    view: 'Beel&d',
    help: '&Help',
    cut: 'Knippen',
    copy: 'Kopiëren',
    paste: 'Plakken',
    selectAll: 'Alles selecteren',
    close: 'Venster sluiten',
    quit: 'Waypoint afsluiten',
    resetZoom: 'Werkelijke grootte',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    fullScreen: 'Volledig scherm aan/uit',
    about: 'Over Waypoint',
    'account:new': 'Nieuw account',
    'edit:undo': 'Ongedaan maken',
    'edit:redo': 'Opnieuw uitvoeren',
    'app:find': 'Zoeken…',
    'app:commandPalette': 'Opdrachtenpalet…',
    'view:toggleTheme': 'Donkere modus aan/uit',
    'help:shortcuts': 'Sneltoetsen',
    'csv:import': 'Importeren uit CSV…',
  },
  ru: {
    file: '&Файл',
    edit: '&Правка',
    view: '&Вид',
    help: '&Справка',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    close: 'Закрыть окно',
    quit: 'Выйти из Waypoint',
    resetZoom: 'Фактический размер',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fullScreen: 'Полноэкранный режим',
    about: 'О программе Waypoint',
    'account:new': 'Новый аккаунт',
    'edit:undo': 'Отменить',
    'edit:redo': 'Повторить',
    'app:find': 'Найти…',
    'app:commandPalette': 'Палитра команд…',
    'view:toggleTheme': 'Тёмная тема',
    'help:shortcuts': 'Сочетания клавиш',
    'csv:import': 'Импорт из CSV…',
  },
  'zh-Hans': {
    file: '文件(&F)',
    edit: '编辑(&E)',
    view: '视图(&V)',
    help: '帮助(&H)',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    close: '关闭窗口',
    quit: '退出 Waypoint',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    about: '关于 Waypoint',
    'account:new': '新建客户',
    'edit:undo': '撤销',
    'edit:redo': '重做',
    'app:find': '查找…',
    'app:commandPalette': '命令面板…',
    'view:toggleTheme': '切换深色模式',
    'help:shortcuts': '键盘快捷键',
    'csv:import': '从 CSV 导入…',
  },
};

export const isMenuLanguage = (v: unknown): v is MenuLanguage => (MENU_LANGUAGES as readonly unknown[]).includes(v);

/** The menu's words in a language; the pseudo-locale and anything unknown read as English. */
export const menuWords = (lang: string): Words => (isMenuLanguage(lang) ? MENU_LABELS[lang] : MENU_LABELS.en);
