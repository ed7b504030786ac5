import type { Form } from "../model/form.js";

/**
 * True for a project "form" that is only a title: no 项目名称, no funding
 * block and no indicator table. A heading repeated in a report (or a file of
 * nothing but titles) makes one; it holds nothing to read or verify, so it is
 * reported once as a diagnostic instead of becoming an empty form. A
 * department-wide form is never one: its title and department are its content.
 */
export function isTitleOnly(form: Form): boolean {
  return form.formType === "project" && form.projectName === null && form.funding.length === 0 && form.indicators.length === 0;
}
