<#ftl output_format="HTML">
<#-- The HTML part of a run report (body: it.ponte.report.ReportMail); the same content as run-report.txt.ftl. -->
<#assign r = body.report>
<!DOCTYPE html>
<html lang="${body.messages.locale().language}">
<head><meta charset="UTF-8"><title>${body.subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222;">
<#if r.kind == "RUN">
<h1 style="font-size: 18px;">${body.msg("report.title.run", r.runId)}</h1>
<p>${body.msg("report.run.line", r.mode, r.trigger, body.msg("report.outcome." + r.outcome))}</p>
<#else>
<h1 style="font-size: 18px;">${body.msg("report.title.mailchimpSync")}</h1>
<p>${body.msg("report.run.line", r.mode, body.msg("report.run.manual"), body.msg("report.outcome." + r.outcome))}</p>
</#if>
<#if (r.importedTotal > 0) || r.held?has_content || r.importFailed?has_content || r.accountProblems?has_content>
<h2 style="font-size: 16px;">${body.msg("report.amazon.title")}</h2>
<p>${body.msg("report.amazon.imported.title", r.importedTotal)}</p>
<#if r.imported?has_content>
<table cellpadding="4" style="border-collapse: collapse;" border="1">
<#list r.imported as o>
<tr><td>${o.amazonOrderId}</td><td>${o.purchased}</td><td>${o.marketplace!""}</td>
<td>${body.msg("report.amazon.customer")} ${o.customer!""}<#if o.newCustomer> ${body.msg("report.amazon.newCustomer")}</#if></td>
<td style="text-align: right;">${body.msg("report.amazon.total")} ${o.total}</td>
<td>${body.msg("report.amazon.document")} ${o.erpDocument!body.msg("report.amazon.documentPending")}</td></tr>
</#list>
</table>
</#if>
<#if (r.importedTotal > r.imported?size)>
<p>${body.msg("report.amazon.imported.more", r.importedTotal - r.imported?size)}</p>
</#if>
<#if r.held?has_content>
<p>${body.msg("report.amazon.held.title", r.held?size)}</p>
<ul>
<#list r.held as o>
<li>${o.amazonOrderId} ${body.msg("report.amazon.of")} ${o.purchased}: ${body.msg(o.reasonKey)}</li>
</#list>
</ul>
</#if>
<#if r.importFailed?has_content>
<p>${body.msg("report.amazon.failed.title", r.importFailed?size)}</p>
<ul>
<#list r.importFailed as o>
<li>${o.amazonOrderId}: ${o.reason!""}</li>
</#list>
</ul>
</#if>
<#list r.accountProblems as a>
<p style="color: #a00;">${body.msg(a.configuration?then("report.amazon.account.configuration", "report.amazon.account.unreachable"), a.accountId, a.reason!"")}</p>
</#list>
</#if>
<#if r.erpFailures?has_content>
<h2 style="font-size: 16px;">${body.msg("report.erp.title", r.erpFailures?size)}</h2>
<ul>
<#list r.erpFailures as f>
<li>${f.order}: ${f.reason!""}</li>
</#list>
</ul>
</#if>
<#if r.erpParked?has_content>
<h2 style="font-size: 16px;">${body.msg("report.erp.parked.title", r.erpParked?size)}</h2>
<ul>
<#list r.erpParked as p>
<li>${body.msg("report.erp.parked.line", p.order, p.orderId, p.attempts, p.reason!"")}</li>
</#list>
</ul>
</#if>
<#if r.outbound?has_content>
<h2 style="font-size: 16px;">${body.msg("report.outbound.title")}</h2>
<ul>
<#list r.outbound as c>
<li>${body.label(c)}: ${c.count}</li>
</#list>
</ul>
</#if>
<#if r.mailchimp??>
<#assign m = r.mailchimp>
<h2 style="font-size: 16px;">${body.msg("report.mailchimp.title")}</h2>
<#if m.ordersSince??>
<p><#if m.ordersSince?has_content>${body.msg("report.mailchimp.ordersSince", m.ordersSince)}<#else>${body.msg("report.mailchimp.ordersAll")}</#if></p>
</#if>
<#if m.aborted??>
<p style="color: #a00;">${body.msg("report.mailchimp.aborted", m.aborted)}</p>
</#if>
<#if m.storeProblemKey?? || m.storeProblemDetail??>
<p style="color: #a00;"><#if m.storeProblemKey??>${body.msg(m.storeProblemKey)}</#if><#if m.storeProblemDetail??> (${m.storeProblemDetail})</#if></p>
</#if>
<ul>
<#list m.entities as e>
<li><#if e.carts>${body.msg("report.mailchimp.cartCounts", body.msg(e.labelKey), e.created, e.updated, e.deleted, e.skipped, e.failed)}<#else>${body.msg("report.mailchimp.counts", body.msg(e.labelKey), e.created, e.updated, e.skipped, e.failed)}</#if>
<#if e.skippedBecause?has_content || e.failedBecause?has_content || e.parked gt 0>
<ul>
<#list e.skippedBecause as s>
<li>${body.msg("report.mailchimp.skipped", body.label(s), s.count)}</li>
</#list>
<#list e.failedBecause as f>
<li>${body.msg("report.mailchimp.failed", f.reason, f.count)}</li>
</#list>
<#if e.parked gt 0>
<li>${body.msg("report.mailchimp.parkedInRun", e.parked)}</li>
</#if>
</ul>
</#if>
</li>
</#list>
</ul>
<#if m.cartsKey??>
<p><#if m.cartsSent>${body.msg("report.mailchimp.carts.sent")}<#else>${body.msg("report.mailchimp.carts.notSent", body.msg(m.cartsKey))}</#if></p>
</#if>
<#if m.cartsInScope>
<p>${body.msg("report.mailchimp.automation", (m.automationStatus?? && ["declared-active", "not-verifiable"]?seq_contains(m.automationStatus))?then(body.msg("report.mailchimp.automation." + m.automationStatus!""), m.automationStatus!body.msg("report.mailchimp.automation.none")))}</p>
</#if>
<#if m.parked?has_content>
<p>${body.msg("report.mailchimp.parked.title")}</p>
<ul>
<#list m.parked as p>
<li>${body.msg("report.mailchimp.parked.line", p.id, body.msg(p.labelKey), p.entityId, p.attempts, p.reason!"")}</li>
</#list>
</ul>
</#if>
</#if>
<#if r.remoteDown>
<p style="color: #a00;">${body.msg("report.remoteDown")}</p>
</#if>
<#if r.problems?has_content>
<h2 style="font-size: 16px;">${body.msg("report.problems.title", r.problems?size)}</h2>
<ul>
<#list r.problems as p>
<li>${p}</li>
</#list>
</ul>
</#if>
<p style="color: #777; font-size: 12px;"><#if r.kind == "RUN">${body.msg("report.footer", r.runId)}<#else>${body.msg("report.footer.mailchimpSync")}</#if></p>
</body>
</html>
