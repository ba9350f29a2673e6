<#-- The plain-text part of a run report (body: it.ponte.report.ReportMail). Words come from i18n/messages*.properties. -->
<#assign r = body.report>
<#if r.kind == "RUN">
${body.msg("report.title.run", r.runId)}
${body.msg("report.run.line", r.mode, r.trigger, body.msg("report.outcome." + r.outcome))}
<#else>
${body.msg("report.title.mailchimpSync")}
${body.msg("report.run.line", r.mode, body.msg("report.run.manual"), body.msg("report.outcome." + r.outcome))}
</#if>
<#if (r.importedTotal > 0) || r.held?has_content || r.importFailed?has_content || r.accountProblems?has_content>

${body.msg("report.amazon.imported.title", r.importedTotal)}
<#list r.imported as o>
- ${o.amazonOrderId} ${body.msg("report.amazon.of")} ${o.purchased} | ${o.marketplace!""} | ${body.msg("report.amazon.customer")} ${o.customer!""}<#if o.newCustomer> ${body.msg("report.amazon.newCustomer")}</#if> | ${body.msg("report.amazon.total")} ${o.total} | ${body.msg("report.amazon.document")} ${o.erpDocument!body.msg("report.amazon.documentPending")}
</#list>
<#if (r.importedTotal > r.imported?size)>
${body.msg("report.amazon.imported.more", r.importedTotal - r.imported?size)}
</#if>
<#if r.held?has_content>

${body.msg("report.amazon.held.title", r.held?size)}
<#list r.held as o>
- ${o.amazonOrderId} ${body.msg("report.amazon.of")} ${o.purchased}: ${body.msg(o.reasonKey)}
</#list>
</#if>
<#if r.importFailed?has_content>

${body.msg("report.amazon.failed.title", r.importFailed?size)}
<#list r.importFailed as o>
- ${o.amazonOrderId}: ${o.reason!""}
</#list>
</#if>
<#list r.accountProblems as a>

${body.msg(a.configuration?then("report.amazon.account.configuration", "report.amazon.account.unreachable"), a.accountId, a.reason!"")}
</#list>
</#if>
<#if r.erpFailures?has_content>

${body.msg("report.erp.title", r.erpFailures?size)}
<#list r.erpFailures as f>
- ${f.order}: ${f.reason!""}
</#list>
</#if>
<#if r.erpParked?has_content>

${body.msg("report.erp.parked.title", r.erpParked?size)}
<#list r.erpParked as p>
- ${body.msg("report.erp.parked.line", p.order, p.orderId, p.attempts, p.reason!"")}
</#list>
</#if>
<#if r.outbound?has_content>

${body.msg("report.outbound.title")}
<#list r.outbound as c>
- ${body.label(c)}: ${c.count}
</#list>
</#if>
<#if r.mailchimp??>
<#assign m = r.mailchimp>

${body.msg("report.mailchimp.title")}
<#if m.ordersSince??>
<#if m.ordersSince?has_content>${body.msg("report.mailchimp.ordersSince", m.ordersSince)}<#else>${body.msg("report.mailchimp.ordersAll")}</#if>
</#if>
<#if m.aborted??>
${body.msg("report.mailchimp.aborted", m.aborted)}
</#if>
<#if m.storeProblemKey?? || m.storeProblemDetail??>
<#if m.storeProblemKey??>${body.msg(m.storeProblemKey)}</#if><#if m.storeProblemDetail??> (${m.storeProblemDetail})</#if>
</#if>
<#list m.entities as e>
<#if e.carts>
${body.msg("report.mailchimp.cartCounts", body.msg(e.labelKey), e.created, e.updated, e.deleted, e.skipped, e.failed)}
<#else>
${body.msg("report.mailchimp.counts", body.msg(e.labelKey), e.created, e.updated, e.skipped, e.failed)}
</#if>
<#list e.skippedBecause as s>
  - ${body.msg("report.mailchimp.skipped", body.label(s), s.count)}
</#list>
<#list e.failedBecause as f>
  - ${body.msg("report.mailchimp.failed", f.reason, f.count)}
</#list>
<#if e.parked gt 0>
  - ${body.msg("report.mailchimp.parkedInRun", e.parked)}
</#if>
</#list>
<#if m.cartsKey??>
<#if m.cartsSent>${body.msg("report.mailchimp.carts.sent")}<#else>${body.msg("report.mailchimp.carts.notSent", body.msg(m.cartsKey))}</#if>
</#if>
<#if m.cartsInScope>
${body.msg("report.mailchimp.automation", (m.automationStatus?? && ["declared-active", "not-verifiable"]?seq_contains(m.automationStatus))?then(body.msg("report.mailchimp.automation." + m.automationStatus!""), m.automationStatus!body.msg("report.mailchimp.automation.none")))}
</#if>
<#if m.parked?has_content>

${body.msg("report.mailchimp.parked.title")}
<#list m.parked as p>
  ${body.msg("report.mailchimp.parked.line", p.id, body.msg(p.labelKey), p.entityId, p.attempts, p.reason!"")}
</#list>
</#if>
</#if>
<#if r.remoteDown>

${body.msg("report.remoteDown")}
</#if>
<#if r.problems?has_content>

${body.msg("report.problems.title", r.problems?size)}
<#list r.problems as p>
- ${p}
</#list>
</#if>

--
<#if r.kind == "RUN">${body.msg("report.footer", r.runId)}<#else>${body.msg("report.footer.mailchimpSync")}</#if>
