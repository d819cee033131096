using PartnerCenter.Core.Tickets;

namespace PartnerCenter.Core.Tests.Tickets;

public class BackgroundAssociationTicketTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_ticket_is_decided_once()
    {
        var processed = BackgroundAssociationTicket.Open(1, Guid.NewGuid(), " Production workloads ", " Sam ", "u1", Now);
        var declined = BackgroundAssociationTicket.Open(1, Guid.NewGuid(), "Reason", "Contact", "u1", Now);
        Assert.True(processed.CanBeDecided);
        Assert.Equal(("Production workloads", "Sam"), (processed.Reason, processed.Contact));

        Assert.True(processed.Process("em", Now).IsSuccess);
        Assert.True(declined.Decline("em", " Not eligible ", Now).IsSuccess);

        Assert.Equal((TicketStatus.Processed, false), (processed.Status, processed.CanBeDecided));
        Assert.Equal((TicketStatus.Declined, "Not eligible"), (declined.Status, declined.DeclineReason));
        Assert.Equal(BackgroundAssociationTicket.NotOpen, processed.Decline("em", "Too late", Now).Error);
        Assert.Equal(BackgroundAssociationTicket.NotOpen, declined.Process("em", Now).Error);
        Assert.Equal(TicketStatus.Processed, processed.Status);
        Assert.Equal(Common.ErrorKind.Conflict, BackgroundAssociationTicket.NotOpen.Kind);
    }
}
