<#ftl output_format="HTML">
<#-- The HTML part of the alert a FAILED run sends (body: it.ponte.report.ReportMail). -->
<#assign r = body.report>
<!DOCTYPE html>
<html lang="${body.messages.locale().language}">
<head><meta charset="UTF-8"><title>${body.subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222;">
<h1 style="font-size: 18px; color: #a00;">${body.msg("report.alert.title", r.runId)}</h1>
<p>${body.msg("report.run.line", r.mode, r.trigger, body.msg("report.outcome.FAILED"))}</p>
<p><strong>${body.msg("report.alert.reason", r.failure!"")}</strong></p>
<p>${body.msg("report.alert.next")}</p>
<#if r.problems?has_content>
<p>${body.msg("report.alert.problems")}</p>
<ul>
<#list r.problems as p>
<li>${p}</li>
</#list>
</ul>
</#if>
<p style="color: #777; font-size: 12px;">${body.msg("report.footer", r.runId)}</p>
</body>
</html>
