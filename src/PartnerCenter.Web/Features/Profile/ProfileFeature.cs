using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Web.Time;

namespace PartnerCenter.Web.Features.Profile;

public static class ProfileFeature
{
    /// <summary>Every signed-in user's profile (time zone, partner email preferences), the reader's time on every page, and who gets partner emails.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ReaderTime>();
        return services.AddUseCases(typeof(UpdateProfile), typeof(ChooseLanguage), typeof(PartnerUserQueries), typeof(PartnerNotices));
    }
}
