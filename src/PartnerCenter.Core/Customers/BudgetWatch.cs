using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Core.Customers;

/// <summary>
/// The one step that makes budgets act, inside a unit of work: the Monthly reset (unfreezing what the
/// system froze last month), then the thresholds of spend in the current period: each alerts once per
/// window (a <see cref="BudgetAlert"/> row, unique per account, window and level), emails the partner
/// through the outbox, and at 100% freezes an <em>Automatically</em> account (an adjustment by "system").
/// Callers take <see cref="LockAsync"/> first, so one account's evaluations never interleave.
/// </summary>
public sealed class BudgetWatch(IAppDb db, CustomerSpend spend, CustomerAdjustments adjustments, AuditLog audit, IEmailRenderer renderer)
{
    public const string ExhaustedReason = "budget exhausted";
    public const string ResetReason = "monthly budget reset";

    /// <summary>Row locks on the accounts (one <c>UPDATE</c>); the first statement of the unit.</summary>
    public Task<int> LockAsync(IReadOnlyCollection<int> accountIds, CancellationToken ct) =>
        db.CustomerAccounts.Where(a => accountIds.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UsageLock, a => a.UsageLock + 1), ct);

    /// <summary>Spend counted as <em>Used</em> now: the SQL sum of the current period (see <see cref="CustomerAccount.UsedSince"/>).</summary>
    public Task<decimal> UsedAsync(CustomerAccount account, DateTime monthStart, CancellationToken ct) =>
        spend.UsedAsync(account, monthStart, ct);

    /// <summary>Evaluates one tracked, locked account of <paramref name="partner"/>; what it did.</summary>
    public async Task<BudgetCheck> CheckAsync(CustomerAccount account, Partner partner, DateTime now, CancellationToken ct)
    {
        var zone = partner.TimeZone;
        var monthStart = BudgetPeriod.MonthStart(now, zone);
        var before = account.Describe();
        var unfroze = account.UnfreezeAtReset(monthStart);
        if (unfroze)
        {
            adjustments.Record(account, partner.Id, null, now, AdjustmentKind.Unfreeze, before, ResetReason);
        }

        var used = await UsedAsync(account, monthStart, ct);
        var window = account.AlertWindow(monthStart);
        var reached = account.LevelsReached(used);
        var alerted = new List<BudgetLevel>();
        var froze = false;
        if (reached.Count > 0)
        {
            var done = await db.BudgetAlerts.Where(a => a.CustomerAccountId == account.Id && a.WindowStart == window).Select(a => a.Level).ToListAsync(ct);
            foreach (var level in reached.Except(done))
            {
                var frozeNow = false;
                if (level == BudgetLevel.Exhausted)
                {
                    var beforeFreeze = account.Describe();
                    frozeNow = account.FreezeForExhaustedBudget(monthStart);
                    if (frozeNow)
                    {
                        adjustments.Record(account, partner.Id, null, now, AdjustmentKind.Freeze, beforeFreeze, ExhaustedReason);
                    }
                }

                db.BudgetAlerts.Add(new BudgetAlert
                {
                    CustomerAccountId = account.Id,
                    PartnerId = partner.Id,
                    WindowStart = window,
                    Level = level,
                    At = now,
                    Used = used,
                    Budget = account.BudgetAmount,
                    Froze = frozeNow,
                });
                audit.Record(null, partner.Id, "BudgetThresholdReached", nameof(CustomerAccount), account.Id.ToString(CultureInfo.InvariantCulture),
                    null, new { Level = (int)level, Used = used, Budget = account.BudgetAmount, Froze = frozeNow });
                await QueueEmailsAsync(account, partner, level, used, frozeNow, BudgetPeriod.ResetText(zone, now), now, ct);
                alerted.Add(level);
                froze |= frozeNow;
            }
        }

        return new BudgetCheck(used, alerted, froze, unfroze);
    }

    /// <summary>
    /// The partner's reserved email and every partner user with Customer Development (admins always
    /// have it), each once. The email is rendered here, inside the unit: thresholds are only known once
    /// the account is locked; rendering touches no database.
    /// </summary>
    private async Task QueueEmailsAsync(CustomerAccount account, Partner partner, BudgetLevel level, decimal used, bool froze, Phrase reset,
        DateTime now, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.PartnerId == partner.Id && u.Email != null)
            .Where(u => u.HasCustomerDevelopment
                        || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PartnerAdmin)))
            .Select(u => new { Email = u.Email!, u.Language })
            .ToListAsync(ct);

        // Each recipient in their own language (the reserved address in the default one), rendered once per language.
        var recipients = (partner.ReservedEmail is { } reserved ? users.Prepend(new { Email = reserved, Language = (string?)null }) : users)
            .DistinctBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
        var rendered = new Dictionary<string, RenderedEmail>(StringComparer.Ordinal);
        foreach (var to in recipients)
        {
            var language = Languages.OrDefault(to.Language);
            if (!rendered.TryGetValue(language, out var email))
            {
                email = await renderer.RenderAsync(
                    new BudgetAlertEmail(partner.Name, account.Name, level, used, account.BudgetAmount, account.BudgetType, froze, reset) { Language = language }, ct);
                rendered[language] = email;
            }

            db.OutboxMessages.Add(OutboxMessage.For(email, to.Email, now));
        }
    }
}

/// <summary>What one evaluation did: the spend in the period, the thresholds that alerted now, a freeze, a reset unfreeze.</summary>
public sealed record BudgetCheck(decimal Used, IReadOnlyList<BudgetLevel> Alerted, bool Froze, bool Unfroze);
