<#-- The plain-text part of the alert a FAILED run sends (body: it.ponte.report.ReportMail). -->
<#assign r = body.report>
${body.msg("report.alert.title", r.runId)}
${body.msg("report.run.line", r.mode, r.trigger, body.msg("report.outcome.FAILED"))}

${body.msg("report.alert.reason", r.failure!"")}

${body.msg("report.alert.next")}
<#if r.problems?has_content>

${body.msg("report.alert.problems")}
<#list r.problems as p>
- ${p}
</#list>
</#if>

--
${body.msg("report.footer", r.runId)}
