import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileSpreadsheet, Trash2, Upload } from 'lucide-react';
import type { CsvDelimiter, CsvEncoding } from '@shared/csv/types';
import { Button, IconButton } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { formatNumber } from '../../../lib/format';
import { MAX_FILE_BYTES, type CsvImport, type ImportFile } from '../hooks/useCsvImport';

const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const DELIMITER_KEY: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

const megabytes = (n: number) => (n / 1_048_576).toLocaleString(undefined, { maximumFractionDigits: 1 });
/** A file size as people read it: 812 KB, 14.2 MB. */
const size = (n: number) => (n < 1_048_576 ? `${Math.max(1, Math.round(n / 1024)).toLocaleString()} KB` : `${megabytes(n)} MB`);

/** Step 1: choose or drop the files; each is read in the background with its encoding, delimiter and header row shown. */
export function FilesStep({ imp }: { imp: CsvImport }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = async (list: FileList | null) => {
    if (!list) return;
    const picked = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await imp.addFiles(picked);
  };
  const reading = imp.files.some((f) => f.progress !== null);
  return (
    <section className="card csv-card" aria-labelledby="csv-files-h">
      <h2 className="card__title" id="csv-files-h">
        {t('csv.files.title')}
      </h2>
      <p className="muted">{t('csv.files.body')}</p>
      <div
        className={`dropzone ${over ? 'dropzone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take(e.dataTransfer.files);
        }}
      >
        <FileSpreadsheet size={26} aria-hidden className="dropzone__icon" />
        <p>{t('csv.files.drop')}</p>
        <Button variant="primary" icon={<Upload size={15} aria-hidden />} onClick={() => input.current?.click()}>
          {t('csv.files.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          multiple
          hidden
          aria-label={t('csv.files.choose')}
          onChange={(e) => {
            void take(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="muted small">{t('csv.files.formats')}</p>
      </div>
      {imp.files.length > 0 ? (
        <ul className="csv-files" aria-label={t('csv.files.listLabel')}>
          {imp.files.map((f) => (
            <FileItem key={f.id} file={f} imp={imp} />
          ))}
        </ul>
      ) : null}
      <div className="dialog__actions">
        <Button variant="primary" disabled={imp.ready.length === 0 || reading} onClick={() => imp.setStep('columns')}>
          {t('csv.files.next')}
        </Button>
      </div>
    </section>
  );
}

function FileItem({ file, imp }: { file: ImportFile; imp: CsvImport }) {
  const { t } = useTranslation();
  const s = file.summary;
  const id = file.id;
  return (
    <li className="csv-file" aria-label={file.name}>
      <div className="csv-file__head">
        <FileSpreadsheet size={18} aria-hidden />
        <div className="csv-file__name">
          <strong>{file.name}</strong>
          <span className="muted small">
            {s
              ? [
                  t(`csv.kind.${s.kind}`),
                  t('csv.files.rows', { count: s.dataRows, formatted: formatNumber(s.dataRows) }),
                  t('csv.files.columns', { count: s.headers.length }),
                  size(s.bytes),
                ].join(' · ')
              : size(file.bytes.length)}
          </span>
        </div>
        <IconButton
          label={t('csv.files.remove', { name: file.name })}
          icon={<Trash2 size={15} aria-hidden />}
          onClick={() => imp.removeFile(id)}
        />
      </div>
      {file.progress !== null ? (
        <div className="csv-progress">
          <progress
            max={1}
            value={file.progress}
            aria-label={t('csv.files.reading', { name: file.name })}
            aria-valuetext={`${Math.round(file.progress * 100)} %`}
          />
          <span className="small muted">{Math.round(file.progress * 100)} %</span>
          <Button size="sm" variant="ghost" onClick={imp.cancelRead}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : null}
      {file.error ? (
        <p className="sync-result sync-result--error" role="alert">
          {file.error === 'tooBig'
            ? t('csv.files.tooBig', { size: megabytes(file.bytes.length), max: megabytes(MAX_FILE_BYTES) })
            : t('csv.files.failed', { reason: file.error })}
        </p>
      ) : null}
      {s ? (
        <>
          <div className="form-grid form-grid--3 csv-file__choices">
            <FormField id={`${id}-enc`} label={t('csv.files.encoding')} hint={s.bom ? t('csv.files.bom') : undefined}>
              {(p) => (
                <select
                  {...p}
                  className="input select"
                  value={s.encoding}
                  onChange={(e) => void imp.rereadFile(id, { encoding: e.target.value as CsvEncoding, delimiter: s.delimiter })}
                >
                  {ENCODINGS.map((enc) => (
                    <option key={enc} value={enc}>
                      {t(`csv.encoding.${enc}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={`${id}-delim`} label={t('csv.files.delimiter')}>
              {(p) => (
                <select
                  {...p}
                  className="input select"
                  value={s.delimiter}
                  onChange={(e) => void imp.rereadFile(id, { encoding: s.encoding, delimiter: e.target.value as CsvDelimiter })}
                >
                  {DELIMITERS.map((d) => (
                    <option key={d} value={d}>
                      {t(`csv.delimiter.${DELIMITER_KEY[d]}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id={`${id}-head`}
              label={t('csv.files.headerRow')}
              hint={
                s.skipped.title + s.skipped.total + s.skipped.footer > 0
                  ? t('csv.files.skipped', {
                      title: s.skipped.title,
                      totals: s.skipped.total + s.skipped.footer,
                    })
                  : undefined
              }
            >
              {(p) => (
                <select
                  {...p}
                  className="input select"
                  value={s.headerIndex}
                  onChange={(e) => void imp.rereadFile(id, { headerIndex: Number(e.target.value) })}
                >
                  {s.firstRows.map((r, i) => (
                    <option key={r.line} value={i}>
                      {t('csv.files.headerOption', { line: r.line, cells: r.cells.filter(Boolean).slice(0, 4).join(', ') || '—' })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          {s.problems.length > 0 ? (
            <ul className="notice notice--warning csv-file__problems">
              {s.problems.slice(0, 5).map((p) => (
                <li key={`${p.line}-${p.reason.key}`}>{t(p.reason.key, p.reason.params)}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
