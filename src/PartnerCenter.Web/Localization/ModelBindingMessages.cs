using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace PartnerCenter.Web.Localization;

/// <summary>Model binding's messages, translated in <c>Resources/Localization/ModelBindingMessages.*.resx</c> (keys: the framework's English).</summary>
public static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider provider, IStringLocalizer text)
    {
        provider.SetMissingBindRequiredValueAccessor(name => text["A value for the '{0}' parameter or property was not provided.", name]);
        provider.SetMissingKeyOrValueAccessor(() => text["A value is required."]);
        provider.SetMissingRequestBodyRequiredValueAccessor(() => text["A non-empty request body is required."]);
        provider.SetValueMustNotBeNullAccessor(value => text["The value '{0}' is invalid.", value]);
        provider.SetAttemptedValueIsInvalidAccessor((value, name) => text["The value '{0}' is not valid for {1}.", value, name]);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
        provider.SetUnknownValueIsInvalidAccessor(name => text["The supplied value is invalid for {0}.", name]);
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["The supplied value is invalid."]);
        provider.SetValueIsInvalidAccessor(value => text["The value '{0}' is invalid.", value]);
        provider.SetValueMustBeANumberAccessor(name => text["The field {0} must be a number.", name]);
        provider.SetNonPropertyValueMustBeANumberAccessor(() => text["The field must be a number."]);
    }
}
