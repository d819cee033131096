using FluentValidation;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Features.Profile;

public sealed class ProfileValidator : AbstractValidator<ProfileModel>
{
    public ProfileValidator()
    {
        RuleFor(m => m.TimeZoneId)
            .Must(id => string.IsNullOrWhiteSpace(id) || (id.Length <= TimeZones.IdMaxLength && TimeZones.IsKnown(id.Trim())))
            .WithMessage(_ => AppUser.UnknownTimeZone.Message);
        RuleFor(m => m.Language)
            .Must(language => string.IsNullOrWhiteSpace(language) || Languages.Find(language) is not null)
            .WithMessage(_ => Languages.Unknown.Message);
    }
}
