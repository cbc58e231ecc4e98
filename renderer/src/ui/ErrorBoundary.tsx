import { Component, type ErrorInfo, type ReactNode } from 'react';
import { AlertTriangle } from 'lucide-react';
import { i18next } from '../i18n';
import { Button } from './Button';

interface Props {
  /** What this part of the screen is, for the message ("The stakeholder map"). */
  readonly area: string;
  /** A change of this key (a new route, another account) clears the error and tries again. */
  readonly resetKey?: string;
  /** 'page' fills the content area; 'panel' stays the size of the part that failed; 'inline' is one quiet line. */
  readonly size?: 'page' | 'panel' | 'inline';
  /** Ways out besides "Try again" (links to Sync & backups, to the accounts list). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly key: string | undefined;
}

/**
 * Keeps one failing part of the screen from taking the app down (issue 12: no stored row may
 * crash a screen). It says calmly what happened, that no data changed, and offers a way out.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: null } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[waypoint] ${this.props.area} failed to render`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t.bind(i18next);
    const size = this.props.size ?? 'panel';
    if (size === 'inline') {
      return (
        <span className="boundary boundary--inline" role="alert">
          <AlertTriangle size={14} aria-hidden /> {t('boundary.inline', { area: this.props.area })}
        </span>
      );
    }
    return (
      <section className={`boundary boundary--${size}`} role="alert" aria-labelledby={undefined}>
        <AlertTriangle className="boundary__icon" size={size === 'page' ? 28 : 20} aria-hidden />
        <div className="boundary__body">
          <h2 className="boundary__title">{t('boundary.title', { area: this.props.area })}</h2>
          <p>{t('boundary.body')}</p>
          <p className="muted">{t('boundary.next')}</p>
          <div className="boundary__actions">
            <Button variant="primary" onClick={this.retry}>
              {t('boundary.retry')}
            </Button>
            {this.props.actions}
          </div>
          <details className="boundary__details">
            <summary>{t('boundary.details')}</summary>
            <pre>{error.message}</pre>
          </details>
        </div>
      </section>
    );
  }
}
