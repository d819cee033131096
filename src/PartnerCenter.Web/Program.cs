using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Infrastructure.Data;
using PartnerCenter.Infrastructure.Seeding;
using PartnerCenter.Web.Features;
using PartnerCenter.Web.Features.Api;
using PartnerCenter.Web.Features.Associations;
using PartnerCenter.Web.Features.Audit;
using PartnerCenter.Web.Features.Customers;
using PartnerCenter.Web.Features.Dashboard;
using PartnerCenter.Web.Features.Home;
using PartnerCenter.Web.Features.Invitations;
using PartnerCenter.Web.Features.Lookup;
using PartnerCenter.Web.Features.Outbox;
using PartnerCenter.Web.Features.Partners;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Features.Profile;
using PartnerCenter.Web.Features.Spreadsheets;
using PartnerCenter.Web.Features.Reviews;
using PartnerCenter.Web.Features.Tickets;
using PartnerCenter.Web.Features.Usage;
using PartnerCenter.Web.Features.Webhooks;
using PartnerCenter.Web.Localization;
using PartnerCenter.Web.Mail;
using PartnerCenter.Web.Operations;
using PartnerCenter.Web.Security;

// Amounts and dates are read and written the same way whatever the server's locale; each request then runs in
// the reader's culture (UseRequestLocalization), each email in its recipient's (RazorEmailRenderer).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
builder.AddPortalTelemetry();

services.AddSingleton(TimeProvider.System);
services.AddPartnerCenterData(builder.Configuration);
services.AddDataProtection().SetApplicationName("PartnerCenter").PersistKeysToDbContext<AppDbContext>();

services.AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "pc.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.LoginPath = "/Account/SignIn";
    options.LogoutPath = "/Account/SignOut";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
});
services.AddAntiforgery(options =>
{
    options.Cookie.Name = "pc.csrf";

    // Framing is refused by our own headers (DENY and CSP frame-ancestors), not antiforgery's SAMEORIGIN.
    options.SuppressXFrameOptionsHeader = true;
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
services.AddAuthorization(Policies.Add);
services.AddPortalRateLimits(builder.Configuration);
services.AddPortalLocalization();
services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    .AddFeatureFolders()
    .AddViewLocalization()
    .AddDataAnnotationsLocalization();
services.AddValidatorsFromAssemblyContaining<Program>();
services.AddScoped<DemoSeeder>();

// The features, each in Features/<Feature> with its controllers, models, validators and views.
// Accounts (sign-in) needs only Identity above; Mailbox only the mail transport below.
services.AddHome();
services.AddPartners();
services.AddAudit();
services.AddPreregistrations();
services.AddInvitations();
services.AddAssociations();
services.AddCustomers();
services.AddReviews();
services.AddTickets();
services.AddSpreadsheets();
services.AddLookup();
services.AddDashboard();
services.AddProfile();
services.AddUsage(builder.Configuration);
services.AddPartnerApi(builder.Configuration);
services.AddWebhooks(builder.Configuration, builder.Environment);
services.AddPortalMail(builder.Configuration);
services.AddOutbox(builder.Configuration);

// A query, not just "can connect": SQLite "connects" to any file, even one that is not a database.
services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"],
    customTestQuery: async (db, ct) => await db.Partners.AnyAsync(ct) || true);

var app = builder.Build();
app.Services.UsePortalValidationLanguage();

// Online backup and restore of the embedded database; safe while another instance of the app runs.
if (Array.IndexOf(args, "--backup") is var backupAt and >= 0 && backupAt + 1 < args.Length)
{
    SqliteBackup.Backup(DataServiceCollectionExtensions.ConnectionString(builder.Configuration, DatabaseProviders.Sqlite), args[backupAt + 1]);
    Console.WriteLine($"Backed up to {args[backupAt + 1]}");
    return;
}

if (Array.IndexOf(args, "--restore") is var restoreAt and >= 0 && restoreAt + 1 < args.Length)
{
    SqliteBackup.Restore(args[restoreAt + 1], DataServiceCollectionExtensions.ConnectionString(builder.Configuration, DatabaseProviders.Sqlite));
    Console.WriteLine($"Restored from {args[restoreAt + 1]}");
    return;
}

if (args.Contains("--reseed"))
{
    await DatabaseInitializer.ReseedAsync(app.Services);
    return;
}

await DatabaseInitializer.InitializeAsync(app.Services, forceMigrate: args.Contains("--migrate"));

// Create (or load) the shared key ring now, before serving: an instance started later on the same
// database then reads this key instead of minting its own, so cookies and tokens cross instances.
app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup").Protect("ready");
if (args.Contains("--migrate"))
{
    return;
}

// A friendly page for every unexpected failure; a database that is busy or down answers 503 with Retry-After.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Home/Error",
    StatusCodeSelector = ex => DatabaseFailures.IsUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/Home/Status/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseRequestLocalization();
app.UseAuthorization();
app.UseApiHttpConventions();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new()
{
    Predicate = check => check.Tags.Contains("ready"),
    ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
});
app.MapPortalMetrics();
app.MapPartnerApiWithDocument();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

await app.RunAsync();

public partial class Program;
