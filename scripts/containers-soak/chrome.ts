/**
 * Page chrome around a case's forms, as a department's 信息公开 page puts it
 * there: a top bar, a menu, a breadcrumb, a left menu in a layout table that
 * holds the forms, a notice line, a script and a footer. The forms themselves
 * are caseHtml's, untouched, so the expected fields are the case's forms.
 */

/** The case's page with its <body> placed inside page chrome, declared with `charsetMeta`. */
export function withPageChrome(html: string, charsetMeta: string, department: string): string {
  const body = html.slice(html.indexOf("<body>") + 6, html.lastIndexOf("</body>"));
  const head = html.slice(0, html.indexOf("<body>")).replace('<meta charset="utf-8">', charsetMeta);
  return `${head}<body>
<div id="header" class="header"><a href="/">${department}</a> <span>无障碍</span> <span>English</span></div>
<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/xxgk">信息公开</a></li><li><a href="/zwfw">政务服务</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a> &gt; 财政预决算</div>
<table class="layout" width="100%"><tr>
<td class="sidebar" width="18%"><ul><li>部门预算</li><li>部门决算</li><li>绩效自评</li></ul></td>
<td class="content">
<p>附件：项目支出绩效自评表&nbsp;&nbsp;（发布日期：2024-09-30）</p>
${body}
</td></tr></table>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<div class="footer"><p>版权所有：${department} &copy; 2024</p><p>ICP备00000000号</p></div>
</body></html>`;
}
