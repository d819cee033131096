namespace PartnerCenter.Web.Features.Home;

public sealed record HomeModel(string? PartnerName, PartnerCenter.Core.Partners.EcosystemManagerContact? EcosystemManager);
