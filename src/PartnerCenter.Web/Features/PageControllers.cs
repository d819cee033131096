using Microsoft.AspNetCore.Authorization;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features;

/// <summary>The ecosystem manager's pages, all under /Ecosystem (dashboard, reviews, lookup, tickets).</summary>
[Authorize(Policy = Policies.EcosystemManager)]
[ControllerName("Ecosystem")]
public abstract class EcosystemManagerController : AppController;

/// <summary>Pages of partner staff who develop customers: partner admins, and staff with the permission.</summary>
[Authorize(Policy = Policies.PartnerUser)]
[CustomerDevelopmentPermission]
public abstract class CustomerDevelopmentStaffController : AppController;

/// <summary>Sales &gt; Leads and Opportunities &gt; Customer Development: the pages under /CustomerDevelopment.</summary>
[ControllerName("CustomerDevelopment")]
public abstract class CustomerDevelopmentController : CustomerDevelopmentStaffController;
