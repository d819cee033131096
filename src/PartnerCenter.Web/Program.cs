using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Budgets;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Infrastructure.Background;
using PartnerCenter.Infrastructure.Mail;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Web.Mail;
using PartnerCenter.Infrastructure.Data;
using PartnerCenter.Infrastructure.Seeding;
using PartnerCenter.Web.Security;

// Amounts and dates are read and written the same way whatever the server's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

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
services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
services.AddValidatorsFromAssemblyContaining<Program>();

services.AddScoped<PartnerQueries>();
services.AddScoped<PartnerUsers>();
services.AddScoped<UpdateAccountInformation>();
services.AddScoped<AuditLog>();
services.AddScoped<AuditQueries>();
services.AddScoped<DemoSeeder>();
services.AddScoped<PreregistrationQueries>();
services.AddScoped<SubmitPreregistration>();
services.AddScoped<DeletePreregistrations>();
services.AddScoped<RevealPersonalData>();
services.AddScoped<ExpirePreregistrations>();
services.Configure<SweepOptions>(builder.Configuration.GetSection(SweepOptions.Section));
services.AddHostedService<ExpirySweeper>();

services.Configure<InvitationOptions>(builder.Configuration.GetSection(InvitationOptions.Section));
services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
services.AddScoped<IEmailRenderer, RazorEmailRenderer>();
services.AddScoped<InvitationIssuer>();
services.AddScoped<InviteCustomers>();
services.AddScoped<CreateInvitationLink>();
services.AddScoped<InvitationQueries>();
services.AddScoped<AcceptInvitation>();
services.AddScoped<RegisterCustomer>();
services.AddScoped<ManageCustomers>();
services.AddScoped<RequestBackgroundAssociation>();
services.AddScoped<AssociationQueries>();
services.Configure<ReviewOptions>(builder.Configuration.GetSection(ReviewOptions.Section));
services.AddSingleton(sp => WorkingDays.From(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReviewOptions>>().Value));
services.AddScoped<ReviewQueries>();
services.AddScoped<DecideReview>();
services.AddScoped<ProcessBackgroundTicket>();
if (string.Equals(builder.Configuration["Mail:Transport"], "Smtp", StringComparison.OrdinalIgnoreCase))
{
    services.AddSingleton<IMailTransport, SmtpMailTransport>();
}
else
{
    services.AddSingleton<IMailTransport, PickupFolderTransport>();
}

services.AddSingleton<OutboxDispatcher>();
services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

// A query, not just "can connect": SQLite "connects" to any file, even one that is not a database.
services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"],
    customTestQuery: async (db, ct) => await db.Partners.AnyAsync(ct) || true);

var app = builder.Build();

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
app.UseAuthorization();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new()
{
    Predicate = check => check.Tags.Contains("ready"),
    ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
});
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

await app.RunAsync();

public partial class Program;
