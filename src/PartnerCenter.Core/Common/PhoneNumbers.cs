using PhoneNumbers;

namespace PartnerCenter.Core.Common;

/// <summary>A mobile number checked by libphonenumber: E.164 form and the region it belongs to.</summary>
public sealed record MobileNumber(string E164, string RegionCode)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryParse(string? input, out MobileNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32 || !input.TrimStart().StartsWith('+'))
        {
            return false;
        }

        try
        {
            var parsed = Util.Parse(input, null);
            if (!Util.IsValidNumber(parsed))
            {
                return false;
            }

            var type = Util.GetNumberType(parsed);
            if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            {
                return false;
            }

            number = new MobileNumber(Util.Format(parsed, PhoneNumberFormat.E164), Util.GetRegionCodeForNumber(parsed));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>International format with spaces, e.g. <c>+49 1512 3456789</c>, for display.</summary>
    public static string Display(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
