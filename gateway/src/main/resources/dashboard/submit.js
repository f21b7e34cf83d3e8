// The submit form: every setting of POST /crawl (crawl-form.json), defaults shown, and the API's
// problem details shown at the field they name.
import { api, ApiError } from './api.js';
import { errorText, h } from './dom.js';

const GROUPS = { crawl: 'What to crawl', politeness: 'Speed and politeness', scope: 'Scope', output: 'Output', webhook: 'Webhook' };

export async function renderSubmit(main, signal) {
  const { fields } = await fetch('/ui/crawl-form.json', { signal }).then((r) => r.json());
  const form = h('form', { class: 'crawl-form', novalidate: true });
  const formError = h('p', { class: 'error', role: 'alert', id: 'form-error' });
  const controls = new Map();

  for (const [group, legend] of Object.entries(GROUPS)) {
    const set = h('fieldset', {}, h('legend', {}, legend));
    if (group === 'webhook') set.append(h('p', { class: 'muted' }, 'Optional. Leave the URL empty for no webhook.'));
    for (const field of fields.filter((f) => f.group === group)) {
      const { wrapper, read } = control(field);
      controls.set(field.name, { wrapper, read, field });
      set.append(wrapper);
    }
    form.append(set);
  }
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Start crawl');
  form.append(formError, h('div', { class: 'actions' }, submit));
  main.append(h('h1', {}, 'New crawl'), form);
  controls.get('url').wrapper.querySelector('input').focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(controls, formError);
    const body = {};
    for (const [name, { read }] of controls) {
      const value = read();
      if (value === undefined) continue;
      const [outer, inner] = name.split('.');
      if (inner) (body[outer] ||= {})[inner] = value;
      else body[outer] = value;
    }
    if (body.webhook && !body.webhook.url) delete body.webhook;
    submit.disabled = true;
    try {
      const job = await api('/crawl', { method: 'POST', body, signal });
      location.hash = `#/jobs/${job.id}`;
    } catch (error) {
      if (error.name === 'AbortError') return;
      showErrors(error, controls, formError);
    } finally {
      submit.disabled = false;
    }
  });
}

/** A labelled control with its help and error text; read() gives its value, or undefined when left at the default. */
function control(field) {
  const id = `field-${field.name.replace('.', '-')}`;
  const help = h('small', { id: `${id}-help`, class: 'help' }, helpText(field));
  const error = h('small', { id: `${id}-error`, class: 'field-error', 'data-error-for': field.name });
  const described = `${id}-help ${id}-error`;
  const label = h('label', { for: id }, field.label, field.required ? h('span', { 'aria-hidden': 'true' }, ' *') : null);
  let input;
  let read;
  switch (field.type) {
    case 'boolean':
      input = h('input', { id, type: 'checkbox', checked: field.default, 'aria-describedby': described });
      read = () => (input.checked === field.default ? undefined : input.checked);
      return { wrapper: h('div', { class: 'field check' }, input, label, help, error), read };
    case 'select':
      input = h('select', { id, 'aria-describedby': described }, ...field.options.map((o) => h('option', { value: o }, o)));
      input.value = field.default;
      read = () => (input.value === field.default ? undefined : input.value);
      break;
    case 'lines':
      input = h('textarea', { id, rows: 3, 'aria-describedby': described, spellcheck: 'false', placeholder: '^/docs/' });
      read = () => {
        const lines = input.value.split('\n').map((l) => l.trim()).filter(Boolean);
        return lines.length ? lines : undefined;
      };
      break;
    case 'choices': {
      const boxes = field.options.map((o) => h('input', { type: 'checkbox', value: o, id: `${id}-${o}` }));
      read = () => {
        const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
        return ticked.length ? ticked : undefined;
      };
      return {
        wrapper: h('fieldset', { class: 'field choices', 'aria-describedby': described },
          h('legend', {}, field.label),
          ...boxes.map((b) => h('span', { class: 'choice' }, b, h('label', { for: b.id }, b.value))), help, error),
        read,
      };
    }
    case 'integer':
      input = h('input', {
        id, type: 'number', inputmode: 'numeric', min: field.min, max: field.max, step: 1,
        placeholder: String(field.default), 'aria-describedby': described,
      });
      read = () => (input.value.trim() === '' ? undefined : Number(input.value));
      break;
    default:
      input = h('input', {
        id, type: field.type === 'password' ? 'password' : 'text', inputmode: field.type === 'url' ? 'url' : undefined,
        required: field.required, autocomplete: 'off', spellcheck: 'false',
        placeholder: field.type === 'url' ? 'https://example.org/' : undefined, 'aria-describedby': described,
      });
      read = () => (input.value.trim() === '' ? undefined : input.value.trim());
  }
  return { wrapper: h('div', { class: 'field' }, label, input, help, error), read };
}

function helpText(field) {
  const parts = [field.help];
  if (field.default !== undefined && field.type !== 'boolean') parts.push(`Default: ${field.default}.`);
  if (field.min !== undefined && field.max !== undefined) parts.push(`From ${field.min} to ${field.max}.`);
  else if (field.min !== undefined) parts.push(`At least ${field.min}.`);
  return parts.join(' ');
}

function clearErrors(controls, formError) {
  formError.textContent = '';
  for (const { wrapper } of controls.values()) {
    wrapper.querySelector('.field-error').textContent = '';
    wrapper.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  }
}

/**
 * Puts each of the problem's field errors at its control. The API names a field by its last
 * name, so an error of webhook.url shows at the start URL ("url"); secret and events at the webhook's.
 */
function showErrors(error, controls, formError) {
  const errors = error instanceof ApiError ? error.problem.errors || [] : [];
  let first = null;
  for (const { field, message } of errors) {
    const name = controls.has(field) ? field : `webhook.${field}`;
    const target = controls.get(name);
    if (!target) {
      formError.append(`${field}: ${message}. `);
      continue;
    }
    const text = target.wrapper.querySelector('.field-error');
    text.textContent = text.textContent ? `${text.textContent}; ${message}` : message;
    const input = target.wrapper.querySelector('input, select, textarea');
    input.setAttribute('aria-invalid', 'true');
    first ||= input;
  }
  if (!errors.length) formError.textContent = errorText(error);
  else if (!formError.textContent) formError.textContent = 'Please correct the fields marked below.';
  first?.focus();
}
