using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Infrastructure.Background;

namespace PartnerCenter.Web.Features.Reviews;

public static class ReviewsFeature
{
    /// <summary>Manual reviews: the ecosystem manager's queue, approving and rejecting, the working-day deadlines.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section);
        services.TryAddSingleton(sp => WorkingDays.From(sp.GetRequiredService<IOptions<ReviewOptions>>().Value));
        services.AddHostedService<ReviewEscalationSweeper>();
        return services.AddUseCases(typeof(ReviewQueries), typeof(DecideReview), typeof(ReturnForEdits), typeof(DecideExtension),
            typeof(SendOverdueDigests), typeof(EscalateOverdueReviews));
    }
}
