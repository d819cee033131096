namespace PartnerCenter.Web.Tests.Slices;

/// <summary>
/// The status rules have an in-memory form on <see cref="Preregistration"/> (<c>StatusAt</c>, <c>IsOpenAt</c>)
/// and SQL forms kept beside them for queries (<c>PartnerStatusAt</c>, <c>OpenAt</c>, <c>LapsedAt</c>,
/// <c>InStatusAt</c>). Evaluated by the real database for a record in every stored state, they agree.
/// </summary>
public sealed class StatusQuerySliceTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private const string Domain = "@status-slice.example";

    [Fact]
    public async Task The_sql_forms_of_the_status_rules_agree_with_the_entity_for_every_stored_state()
    {
        var partnerId = await app.PartnerIdAsync(Northwind);
        var now = app.Now;
        var records = Arrange(partnerId, now);
        await app.AddAsync([.. records]);
        var ids = records.Select(r => r.Id).ToList();

        var computed = await app.WithDbAsync(db => db.Preregistrations.Where(p => ids.Contains(p.Id))
            .Select(Preregistration.PartnerStatusAt(now)).Select(s => s.Status).ToListAsync());
        var open = await app.WithDbAsync(db => db.Preregistrations.Where(p => ids.Contains(p.Id)).Where(Preregistration.OpenAt(now)).Select(p => p.Id).ToListAsync());
        var lapsed = await app.WithDbAsync(db => db.Preregistrations.Where(p => ids.Contains(p.Id)).Where(Preregistration.LapsedAt(now)).Select(p => p.Id).ToListAsync());

        Assert.Equal(records.Select(r => r.StatusAt(now)).Order(), computed.Order());
        Assert.Equal(records.Where(r => r.IsOpenAt(now)).Select(r => r.Id).Order(), open.Order());
        Assert.Equal(records.Where(r => r.Status != PreregistrationStatus.Expired && r.StatusAt(now) == PreregistrationStatus.Expired).Select(r => r.Id).Order(), lapsed.Order());
        Assert.Equal(2, lapsed.Count);
        Assert.Equal(11, computed.Count);
        foreach (var status in Enum.GetValues<PreregistrationStatus>())
        {
            var inStatus = await app.WithDbAsync(db => db.Preregistrations.Where(p => ids.Contains(p.Id)).Where(Preregistration.InStatusAt(status, now)).Select(p => p.Id).ToListAsync());
            Assert.Equal(records.Where(r => r.StatusAt(now) == status).Select(r => r.Id).Order(), inStatus.Order());
        }
    }

    private static List<Preregistration> Arrange(int partnerId, DateTime now)
    {
        Preregistration New(string name, DateTime at, ReviewTrigger trigger = ReviewTrigger.None) =>
            Preregister.NewRecord(partnerId, name, name.Replace(' ', '.').ToLowerInvariant() + Domain, "+4915123456790", at, trigger, at.AddDays(2));
        var partner = new Core.Partners.Partner { Id = partnerId, Name = Northwind };
        var valid = New("Valid Claim", now.AddDays(-1));
        var lapsed = New("Lapsed Claim", now - Preregistration.Validity);
        var swept = New("Swept Claim", now.AddDays(-20));
        Assert.True(swept.MarkExpiredIfLapsed(now));
        var pending = New("Pending Claim", now.AddDays(-1), ReviewTrigger.Country);
        var rejected = New("Rejected Claim", now.AddDays(-1), ReviewTrigger.Country);
        Assert.True(rejected.Reject("No.", now).IsSuccess);
        var associated = New("Associated Claim", now.AddDays(-2));
        Assert.True(associated.MarkAssociated(partner, now.AddDays(-1)).IsSuccess);
        var deleted = New("Deleted Claim", now.AddDays(-2));
        Assert.True(deleted.Delete(now.AddDays(-1)).IsSuccess);
        Assert.True(MobileNumber.TryParse("+4915123456791", out var mobile));
        var historical = Preregistration.Historical(partnerId, "historical" + Domain, "Historical Customer", mobile!, now.AddDays(-300));
        var returned = New("Returned Claim", now.AddDays(-1), ReviewTrigger.Country);
        Assert.True(returned.ReturnForEdits("Fix the name", ReturnFields.Name, now.AddDays(-1), now.AddDays(4)).IsSuccess);
        var returnedLapsed = New("Returned Lapsed Claim", now.AddDays(-9), ReviewTrigger.Country);
        Assert.True(returnedLapsed.ReturnForEdits("Fix the mobile", ReturnFields.Mobile, now.AddDays(-8), now.AddDays(-1)).IsSuccess);
        // Asked for an extension 3 days before the lapse and still pending 4 days later: it holds, past the old expiry.
        var extending = New("Extending Claim", now.AddDays(-16));
        Assert.True(extending.RequestExtension("The customer is travelling", now.AddDays(-4), now.AddDays(-2)).IsSuccess);
        return [valid, lapsed, swept, pending, rejected, associated, deleted, historical, returned, returnedLapsed, extending];
    }

    [Fact]
    public async Task The_unique_open_claim_index_filters_exactly_the_open_statuses_of_the_entity()
    {
        var filter = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(Preregistration))!.GetIndexes()
            .Single(i => i.GetDatabaseName() == "IX_Preregistrations_OpenClaim").GetFilter()));

        Assert.Equal($"\"Status\" IN ({string.Join(", ", Preregistration.OpenStatuses.Select(s => (int)s))})", filter);
        Assert.Contains(PreregistrationStatus.ActionRequired, Preregistration.OpenStatuses);
        Assert.Contains(PreregistrationStatus.ExtensionRequested, Preregistration.OpenStatuses);
    }
}
