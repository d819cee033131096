using System.Buffers.Text;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Bench;

/// <summary>
/// Fills a fresh database to a <see cref="SeedPlan"/>: the schema comes from the real migrations,
/// the rows from prepared raw inserts (EF change tracking would take hours at the large size).
/// One plan for both engines; only the writing differs (<see cref="SeedTarget"/>, <see cref="BulkWriter"/>).
/// Rows are handed over as EF Core's SQLite provider writes them (GUIDs as upper-case TEXT, UTC times,
/// booleans as 0/1): Microsoft.Data.Sqlite stores times as TEXT 'yyyy-MM-dd HH:mm:ss.FFFFFFF' and
/// decimals as TEXT, the PostgreSQL writer converts each value to its column's type (uuid, boolean,
/// timestamp with time zone, numeric).
/// Also writes the side files the load scripts read (tokens, ids, emails, users).
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "A fixed-seed Random makes the synthetic benchmark data reproducible; nothing it produces is a secret.")]
internal sealed class Seeder(SeedPlan plan, SeedTarget target, string outDir, TextWriter log)
{
    private static readonly string[] FirstNames =
        ["Anna", "Jonas", "Lena", "Max", "Sofia", "Lukas", "Mia", "Paul", "Emma", "Felix", "Clara", "Noah", "Ida", "Elias", "Hanna", "Ben", "Lea", "Finn", "Marie", "Tom"];

    private static readonly string[] LastNames =
        ["Schmidt", "Weber", "Fischer", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Hartmann", "Lange", "Krause", "Vogel"];

    private static readonly string[] Domains = ["mail-one.example", "contoso-mail.example", "fabrikam.example", "northwind.example", "adatum.example", "litware.example"];

    private static readonly string[] CountrySets = ["DE,AT,CH", "DE", "SG,MY", "NL,BE", "US,CA", "FR,DE"];

    private readonly DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
    private readonly Random random = new(20261123);
    private readonly List<Row> rows = new(plan.Preregistrations);
    private readonly List<IssuedInvitation> invitations = new(plan.Invitations);
    private readonly Dictionary<string, List<string>> postMix = [];
    private readonly List<string> landingTokens = [];
    private readonly List<Guid> inviteIds = [];
    private string[] partnerAdminIds = [];
    private string[] managerIds = [];

    private enum Website
    {
        International = 0,
        ChineseMainland = 1,
    }

    public async Task RunAsync()
    {
        await target.ResetAsync();
        await StepAsync("migrate (real EF migrations)", async () =>
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DataServiceCollectionExtensions.Configure(options, target.Provider, target.ConnectionString);
            await using var context = new AppDbContext(options.Options);
            await context.Database.MigrateAsync();
            return 0;
        });

        await target.OpenAsync();
        await StepAsync("roles, users, partners", () => Task.FromResult(SeedUsersAndPartners()));
        await StepAsync("preregistrations", () => Task.FromResult(SeedPreregistrations()));
        await StepAsync("customer accounts", () => Task.FromResult(SeedCustomerAccounts()));
        await StepAsync("invitations + events", () => Task.FromResult(SeedInvitations()));
        await StepAsync("audit entries", () => Task.FromResult(SeedAudit()));
        await StepAsync(target is PostgresTarget ? "sequences, VACUUM ANALYZE" : "checkpoint", async () =>
        {
            await target.FinishAsync();
            return 0L;
        });

        foreach (var table in new[] { "Partners", "AspNetUsers", "Preregistrations", "CustomerAccounts", "UsageRecords", "Invitations", "InvitationEvents", "AuditEntries" })
        {
            var tableRows = await target.CountAsync(table);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-18} {tableRows,12:N0}"));
        }

        WriteSideFiles();
    }

    private async Task StepAsync(string name, Func<Task<long>> step)
    {
        var watch = Stopwatch.StartNew();
        var count = await step();
        var seconds = watch.Elapsed.TotalSeconds;
        await log.WriteLineAsync(count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"  {name,-30} {count,12:N0} rows {seconds,7:F1} s ({count / Math.Max(seconds, 0.001),10:N0} rows/s)")
            : string.Create(CultureInfo.InvariantCulture, $"  {name,-30} {"",12}      {seconds,7:F1} s"));
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Email(int k) => $"c{k}@{Domains[k % Domains.Length]}";

    private static string Name(int k) => $"{FirstNames[k % FirstNames.Length]} {LastNames[k / FirstNames.Length % LastNames.Length]}";

    private DateTime Ago(double minDays, double maxDays) =>
        now - TimeSpan.FromSeconds(Math.Round((minDays + (random.NextDouble() * (maxDays - minDays))) * 86_400));

    private long SeedUsersAndPartners()
    {
        long written = 0;
        var roleIds = new Dictionary<string, string>();
        using var writer = target.Writer();
        var roles = writer.Table("AspNetRoles", "Id", "Name", "NormalizedName", "ConcurrencyStamp");
        {
            foreach (var role in Roles.All)
            {
                roleIds[role] = Guid.NewGuid().ToString();
                roles.Row(roleIds[role], role, role.ToUpperInvariant(), Guid.NewGuid().ToString());
            }

            written += roles.Count;
        }

        // PBKDF2 is deliberately slow: hash once, share the hash (every user's password is the same).
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser { DisplayName = "bench" }, SeedPlan.Password);
        var managers = (plan.Partners + SeedPlan.PartnersPerManager - 1) / SeedPlan.PartnersPerManager;
        managerIds = new string[managers];
        partnerAdminIds = new string[plan.Partners + 1];

        var users = writer.Table("AspNetUsers",
                   "Id", "DisplayName", "PartnerId", "HasCustomerDevelopment", "CustomerAccountId", "UserName", "NormalizedUserName",
                   "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber",
                   "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount");
        var userRoles = writer.Table("AspNetUserRoles", "UserId", "RoleId");
        var partners = writer.Table("Partners",
                   "Id", "Name", "BusinessCountries", "ReservedEmail", "ReservedMobile", "IsPrepaid", "EcosystemManagerId", "SubmissionLock");
        {
            void User(string id, string email, string name, int? partnerId, string role, string? phone = null)
            {
                users.Row(id, name, partnerId, partnerId is null ? 0 : 1, null, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), 1,
                    hash, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), phone, 0, 0, null, 1, 0);
                userRoles.Row(id, roleIds[role]);
            }

            for (var m = 0; m < managers; m++)
            {
                managerIds[m] = Guid.NewGuid().ToString();
                User(managerIds[m], m == 0 ? SeedPlan.ManagerUser : $"em{m:D3}@platform.example",
                    m == 0 ? "Bench Manager" : $"Manager {m:D3}", null, Roles.EcosystemManager, "+49 30 901820");
            }

            for (var p = 1; p <= plan.Partners; p++)
            {
                var (name, email) = p switch
                {
                    SeedPlan.BenchPartnerId => ("Bench Partner Ltd", SeedPlan.BenchUser),
                    SeedPlan.InvitePartnerId => ("Bench Invite Partner", SeedPlan.InviteUser),
                    < SeedPlan.FirstGeneralPartnerId => ($"Bench Post Partner {p - SeedPlan.FirstPostPartnerId + 1:D2}",
                        SeedPlan.PostUser(p - SeedPlan.FirstPostPartnerId + 1)),
                    _ => ($"Partner {p:D5} GmbH", $"admin{p:D5}@partner.example"),
                };
                var countries = p < SeedPlan.FirstGeneralPartnerId ? "DE,AT,CH" : CountrySets[p % CountrySets.Length];
                partners.Row(p, name, countries, $"partners@p{p:D5}.example", null, 0, managerIds[(p - 1) / SeedPlan.PartnersPerManager], 0);
                partnerAdminIds[p] = Guid.NewGuid().ToString();
                User(partnerAdminIds[p], email, $"{name} Admin", p, Roles.PartnerAdmin);
            }

            written += users.Count + userRoles.Count + partners.Count;
        }

        return written;
    }

    private long SeedPreregistrations()
    {
        using var writer = target.Writer();
        var insert = writer.Table("Preregistrations",
            "Id", "PartnerId", "CustomerEmail", "CustomerName", "MobileE164", "MobileRegion", "SendInvitation", "Status", "ReviewTrigger",
            "CreatedByUserId", "CreatedAt", "PreregisteredAt", "ExpiresAt", "DecidedAt", "ReviewDueAt", "DecidedByUserId", "RejectionReason",
            "DeletedAt", "AssociatedAt", "Version");

        void Partner(int partnerId, IEnumerable<(PreregistrationStatus Status, int Count)> mix)
        {
            foreach (var (status, count) in mix)
            {
                for (var i = 0; i < count; i++)
                {
                    Add(insert, partnerId, status);
                }
            }
        }

        Partner(SeedPlan.BenchPartnerId, SeedPlan.BenchPartnerRows);
        Partner(SeedPlan.InvitePartnerId, [(PreregistrationStatus.Preregistered, 100)]);
        inviteIds.AddRange(rows.Where(r => r.PartnerId == SeedPlan.InvitePartnerId).Select(r => r.Id));

        // Post partners start empty: their sessions insert up to the cap of 100 each.
        var general = plan.Partners - SeedPlan.FirstGeneralPartnerId + 1;
        var remaining = plan.Preregistrations - rows.Count;
        for (var g = 0; g < general; g++)
        {
            var n = (remaining / general) + (g < remaining % general ? 1 : 0);
            var mix = SeedPlan.GeneralMix.Select(m => (m.Status, Count: n * m.PerHundred / 100)).ToList();
            mix[^1] = (mix[^1].Status, mix[^1].Count + n - mix.Sum(m => m.Count));
            Partner(SeedPlan.FirstGeneralPartnerId + g, mix);
        }

        return insert.Count;
    }

    private void Add(Bulk insert, int partnerId, PreregistrationStatus status)
    {
        var k = rows.Count;
        var admin = partnerAdminIds[partnerId];
        DateTime created;
        DateTime? preregistered = null, expires = null, decided = null, reviewDue = null, deleted = null, associated = null;
        string? decidedBy = null, reason = null, createdBy = admin;
        var trigger = ReviewTrigger.None;
        var version = 1;
        switch (status)
        {
            case PreregistrationStatus.PendingReview:
                created = Ago(0, 1.6);
                reviewDue = created.AddDays(2);
                trigger = k % 3 == 0 ? ReviewTrigger.DirectSales : ReviewTrigger.Country;
                version = 0;
                break;
            case PreregistrationStatus.Preregistered:
                created = Ago(0.05, 9);
                (preregistered, expires) = (created, created + Preregistration.Validity);
                break;
            case PreregistrationStatus.Rejected:
                created = Ago(3, 700);
                (decided, reviewDue, decidedBy) = (created.AddDays(1), created.AddDays(2), managerIds[(partnerId - 1) / SeedPlan.PartnersPerManager]);
                trigger = ReviewTrigger.Country;
                reason = "The customer is served by a partner in its own country.";
                break;
            case PreregistrationStatus.Expired:
                created = Ago(16, 700);
                (preregistered, expires, version) = (created, created + Preregistration.Validity, 2);
                break;
            case PreregistrationStatus.Associated:
                created = Ago(11, 700);
                (preregistered, expires, version) = (created, created + Preregistration.Validity, 2);
                associated = created + TimeSpan.FromHours(24 + random.Next(0, 24 * 9));
                break;
            case PreregistrationStatus.Deleted:
                created = Ago(2, 700);
                (preregistered, expires, deleted, version) = (created, created + Preregistration.Validity, created.AddDays(1), 2);
                break;
            default:
                created = Ago(30, 1500);
                (associated, createdBy, version) = (created, null, 0);
                break;
        }

        var foreign = trigger == ReviewTrigger.Country;
        var mobile = foreign
            ? string.Create(CultureInfo.InvariantCulture, $"+55119{k % 100_000_000:D8}")
            : string.Create(CultureInfo.InvariantCulture, $"+49151{k % 100_000_000:D8}");
        var id = Guid.CreateVersion7(new DateTimeOffset(created));
        insert.Row(Text(id), partnerId, Email(k), Name(k), mobile, foreign ? "BR" : "DE", 0, (int)status, (int)trigger,
            createdBy, created, preregistered, expires, decided, reviewDue, decidedBy, reason, deleted, associated, version);
        rows.Add(new Row(id, partnerId, status, created, expires, decided, deleted, associated));
    }

    private long SeedCustomerAccounts()
    {
        using var writer = target.Writer();
        var insert = writer.Table("CustomerAccounts",
            "Id", "UsageLock", "Email", "Name", "Website", "CountryCode", "RegisteredAt", "IsConsumerCloudUser", "HasSignedContract", "HasCashExpenditure",
            "PreregisteredByDirectSales", "IsOnlineSalesTeamMember", "EnterpriseMasterLink", "IsPartnerOrApplicant", "HasSpecialContract",
            "IsInternalAccount", "AssociatedPartnerId", "AssociatedAt", "IsFrozen", "BudgetType", "BudgetAmount",
            "FreezeOnExhaustion", "Version");

        // 60% of the accounts are customers some partner won (one per Associated row), 40% are free
        // platform accounts whose facts trip every rule: the preregistration POST scenario uses them.
        // Spread evenly over all partners' Associated rows.
        var associatedRows = Enumerable.Range(0, rows.Count).Where(k => rows[k].Status == PreregistrationStatus.Associated).ToList();
        var associatedBudget = Math.Min(plan.CustomerAccounts * 6L / 10, associatedRows.Count);
        for (var e = 0L; e < associatedRows.Count; e++)
        {
            if ((e + 1) * associatedBudget / associatedRows.Count == e * associatedBudget / associatedRows.Count)
            {
                continue;
            }

            var k = associatedRows[(int)e];
            var row = rows[k];
            insert.Row(insert.Count + 1, 0, Email(k), Name(k), (int)Website.International, "DE", row.CreatedAt.AddDays(-30), 0, 0, 1, 0, 0, 0, 0, 0, 0,
                row.PartnerId, row.AssociatedAt, 1, 1, 500m, 0, 1);
            if (row.PartnerId >= SeedPlan.FirstGeneralPartnerId)
            {
                Mix("associated-elsewhere", Email(k));
            }
        }

        for (var a = 0; insert.Count < plan.CustomerAccounts; a++)
        {
            var email = $"acct{a}@accounts.example";
            var category = a % 10;
            var registered = category == 5 ? now.AddDays(-30) : Ago(1, 900);
            insert.Row(insert.Count + 1, 0, email, $"Account {a}", (int)(category == 0 ? Website.ChineseMainland : Website.International),
                category switch { 0 => "CN", 7 => "BR", _ => "DE" }, registered,
                category == 1 ? 1 : 0, category == 2 ? 1 : 0, category == 3 ? 1 : 0, category == 5 ? 1 : 0, category == 6 ? 1 : 0,
                category == 4 ? 1 : 0, 0, 0, 0, null, null, 0, 0, 0m, 0, 0);
            var kind = category switch
            {
                0 => "refuse-mainland",
                1 => "refuse-consumer",
                2 => "refuse-contract",
                3 => "refuse-cash",
                4 => "refuse-enterprise",
                5 => "review-directsales",
                6 => "review-onlinesales",
                7 => "review-country",
                _ => null,
            };
            if (kind is not null)
            {
                Mix(kind, email);
            }
        }

        // The bench partner's Customers page at scale: 20,000 (large) associated customers of one partner, a third
        // frozen, half with a budget, every fifth over 80% of it; the search, filters, sorts and paging run on them.
        // Used is summed from usage records: each customer has this month's spend (a minute before the seed) and
        // last month's (40 days earlier), which the period leaves out.
        var usage = writer.Table("UsageRecords", "ExternalId", "CustomerAccountId", "Amount", "OccurredAt", "RecordedAt");
        for (var c = 0; c < plan.BenchPartnerCustomers; c++)
        {
            var budgetType = c % 2 == 0 ? 1 : 0;
            var budget = budgetType == 0 ? 0m : 1_000m;
            var used = c % 5 == 0 ? 850m + c % 100 : c % 700;
            var id = insert.Count + 1;
            insert.Row(id, 0, $"customer{c:D5}@bench-customers.example", $"Customer {c:D5} GmbH", (int)Website.International, "DE", now.AddDays(-800),
                0, 0, 1, 0, 0, 0, 0, 0, 0, SeedPlan.BenchPartnerId, now.AddMinutes(-c * 37), c % 3 == 0 ? 1 : 0, budgetType, budget, 0, 1);
            usage.Row($"bench-{c:D5}-now", id, (decimal)used, now.AddMinutes(-1), now.AddMinutes(-1));
            usage.Row($"bench-{c:D5}-earlier", id, 500m, now.AddDays(-40), now.AddDays(-40));
        }

        // Open claims of partners the POST sessions do not belong to: "preregistered by another partner".
        for (var k = 0; k < rows.Count; k++)
        {
            if (rows[k].Status == PreregistrationStatus.Preregistered && rows[k].PartnerId != SeedPlan.InvitePartnerId)
            {
                Mix("held-elsewhere", Email(k));
            }
        }

        return insert.Count;
    }

    private void Mix(string kind, string email)
    {
        if (!postMix.TryGetValue(kind, out var list))
        {
            postMix[kind] = list = [];
        }

        if (list.Count < 200)
        {
            list.Add(email);
        }
    }

    private long SeedInvitations()
    {
        using var writer = target.Writer();
        var insert = writer.Table("Invitations",
            "Id", "PreregistrationId", "PartnerId", "TokenHash", "Channel", "Status", "Delivery", "LastError", "CreatedByUserId",
            "CreatedAt", "ExpiresAt", "SentAt", "OpenedAt", "UsedAt", "RevokedAt", "Version");
        var events = writer.Table("InvitationEvents", "InvitationId", "PreregistrationId", "Kind", "At", "Detail");
        var randomHash = new byte[32];

        // Landing tokens: fresh, unopened email links to valid claims of ordinary partners.
        var tokenRows = new HashSet<int>();
        for (var k = 0; k < rows.Count && tokenRows.Count < SeedPlan.LandingTokens; k++)
        {
            if (rows[k].Status == PreregistrationStatus.Preregistered && rows[k].PartnerId >= SeedPlan.FirstGeneralPartnerId)
            {
                tokenRows.Add(k);
                var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
                landingTokens.Add(token);
                Issue(insert, events, k, Invitation.Hash(token), now.AddHours(-1));
            }
        }

        // The rest spread evenly over the rows an invitation makes sense for.
        var eligible = Enumerable.Range(0, rows.Count)
            .Where(k => !tokenRows.Contains(k) && rows[k].PartnerId != SeedPlan.InvitePartnerId && rows[k].Status is
                PreregistrationStatus.Associated or PreregistrationStatus.Preregistered or PreregistrationStatus.Expired)
            .ToList();
        var budget = (long)plan.Invitations - tokenRows.Count;
        for (var e = 0L; e < eligible.Count && insert.Count < plan.Invitations; e++)
        {
            if ((e + 1) * budget / eligible.Count > e * budget / eligible.Count)
            {
                RandomNumberGenerator.Fill(randomHash);
                Issue(insert, events, eligible[(int)e], randomHash, null);
            }
        }

        return insert.Count + events.Count;
    }

    private void Issue(Bulk insert, Bulk events, int k, byte[] tokenHash, DateTime? createdAt)
    {
        var row = rows[k];
        var created = createdAt ?? row.CreatedAt.AddHours(1);
        var email = k % 10 != 9 || createdAt is not null;
        var used = row.Status == PreregistrationStatus.Associated;
        var failed = email && !used && k % 50 == 0;
        var expires = created + Invitation.DefaultLifetime;
        if (row.ExpiresAt is { } claimEnds && claimEnds < expires)
        {
            expires = claimEnds;
        }

        DateTime? sent = email && !failed ? created.AddSeconds(5) : null;
        var id = Guid.CreateVersion7(new DateTimeOffset(created));
        insert.Row(Text(id), Text(row.Id), row.PartnerId, tokenHash, (int)(email ? InvitationChannel.Email : InvitationChannel.Link),
            (int)(used ? InvitationStatus.Used : InvitationStatus.Active),
            (int)(email ? (failed ? DeliveryStatus.Failed : DeliveryStatus.Sent) : DeliveryStatus.None),
            failed ? "SmtpCommandException: Mailbox unavailable" : null, partnerAdminIds[row.PartnerId], created, expires, sent,
            used ? row.AssociatedAt!.Value.AddHours(-1) : null, used ? row.AssociatedAt : null, null, used ? 1 : 0);
        events.Row(Text(id), Text(row.Id), (int)InvitationEventKind.Created, created, email ? "Email queued" : "Link and QR code created");
        if (sent is not null)
        {
            events.Row(Text(id), Text(row.Id), (int)InvitationEventKind.Sent, sent, null);
        }

        invitations.Add(new IssuedInvitation(id, k, created));
    }

    private long SeedAudit()
    {
        using var writer = target.Writer();
        var insert = writer.Table("AuditEntries", "At", "ActorUserId", "PartnerId", "Action", "EntityType", "EntityId", "Before", "After");
        bool Room() => insert.Count < plan.AuditRows;

        // In the order the app writes them: submissions, invitations, then the status changes, until the budget is spent.
        for (var k = 0; k < rows.Count && Room(); k++)
        {
            var row = rows[k];
            if (row.Status != PreregistrationStatus.NotPreregistered)
            {
                var pending = row.Status is PreregistrationStatus.PendingReview or PreregistrationStatus.Rejected;
                insert.Row(row.CreatedAt, partnerAdminIds[row.PartnerId], row.PartnerId, "PreregistrationSubmitted", "Preregistration", row.Id.ToString(), null,
                    pending ? """{"Status":"PendingReview","ReviewTrigger":"Country","SendInvitation":false}"""
                            : """{"Status":"Preregistered","ReviewTrigger":"None","SendInvitation":false}""");
            }
        }

        foreach (var invitation in invitations)
        {
            if (!Room())
            {
                break;
            }

            var row = rows[invitation.Row];
            insert.Row(invitation.CreatedAt, partnerAdminIds[row.PartnerId], row.PartnerId, "InvitationQueued", "Invitation", invitation.Id.ToString(), null,
                $$"""{"PreregistrationId":"{{row.Id}}","Channel":"Email"}""");
        }

        for (var k = 0; k < rows.Count && Room(); k++)
        {
            var row = rows[k];
            var manager = managerIds[(row.PartnerId - 1) / SeedPlan.PartnersPerManager];
            var (at, actor, action) = row.Status switch
            {
                PreregistrationStatus.Rejected => (row.DecidedAt, manager, "ReviewRejected"),
                PreregistrationStatus.Expired => (row.ExpiresAt, null, "PreregistrationExpired"),
                PreregistrationStatus.Associated => (row.AssociatedAt, null, "CustomerAssociated"),
                PreregistrationStatus.Deleted => (row.DeletedAt, partnerAdminIds[row.PartnerId], "PreregistrationDeleted"),
                _ => ((DateTime?)null, (string?)null, ""),
            };
            if (at is not null)
            {
                insert.Row(at, actor, row.PartnerId, action, "Preregistration", row.Id.ToString(),
                    """{"Status":"Preregistered"}""", $$"""{"Status":"{{row.Status}}"}""");
            }
        }

        // Whatever budget is left: partners revealing masked columns now and then.
        for (var i = 0; Room(); i++)
        {
            var partnerId = (i % plan.Partners) + 1;
            insert.Row(Ago(0, 700), partnerAdminIds[partnerId], partnerId, "PersonalDataRevealed", "PreregistrationList", null, null,
                """{"Column":"Email"}""");
        }

        return insert.Count;
    }

    private void WriteSideFiles()
    {
        File.WriteAllLines(Path.Combine(outDir, "landing-tokens.txt"), landingTokens);
        File.WriteAllLines(Path.Combine(outDir, "invite-ids.txt"), inviteIds.Select(id => id.ToString()));
        File.WriteAllLines(Path.Combine(outDir, "post-users.txt"),
            Enumerable.Range(1, SeedPlan.PostPartners).Select(SeedPlan.PostUser));
        File.WriteAllLines(Path.Combine(outDir, "post-mix.tsv"),
            postMix.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Select(email => $"{kv.Key}\t{email}")));

        // Facts the harness needs about the bench partner's list, and a name and email to search for.
        var bench = rows.Select((r, k) => (r, k)).Where(x => x.r.PartnerId == SeedPlan.BenchPartnerId).ToList();
        var byStatus = bench.GroupBy(x => x.r.Status).ToDictionary(g => g.Key, g => g.Count());
        var sample = bench.First(x => x.r.Status == PreregistrationStatus.Expired).k;
        var info = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"SEED_SIZE={plan.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_USER={SeedPlan.BenchUser}")
            .AppendLine(CultureInfo.InvariantCulture, $"INVITE_USER={SeedPlan.InviteUser}")
            .AppendLine(CultureInfo.InvariantCulture, $"EM_USER={SeedPlan.ManagerUser}")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_PASSWORD='{SeedPlan.Password}'")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_OPEN={byStatus.GetValueOrDefault(PreregistrationStatus.PendingReview) + byStatus.GetValueOrDefault(PreregistrationStatus.Preregistered)}")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_HISTORICAL={bench.Count - byStatus.GetValueOrDefault(PreregistrationStatus.PendingReview) - byStatus.GetValueOrDefault(PreregistrationStatus.Preregistered)}")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_EXPIRED={byStatus.GetValueOrDefault(PreregistrationStatus.Expired)}")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_SEARCH_EMAIL={Email(sample)}")
            .AppendLine(CultureInfo.InvariantCulture, $"BENCH_SEARCH_NAME='{FirstNames[sample % FirstNames.Length]}'");
        File.WriteAllText(Path.Combine(outDir, "seed-info.env"), info.ToString());
    }

    private readonly record struct Row(
        Guid Id, int PartnerId, PreregistrationStatus Status, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? DecidedAt,
        DateTime? DeletedAt, DateTime? AssociatedAt);

    private readonly record struct IssuedInvitation(Guid Id, int Row, DateTime CreatedAt);
}
