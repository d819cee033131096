using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Reveal;

/// <summary>
/// Which masked columns a user revealed on one page (names, emails, mobiles), kept per user and per page in
/// TempData: a reveal never carries over to another page or to the next person signing in on the same browser.
/// </summary>
public static class Revealed
{
    public static string Key(ClaimsPrincipal user, MaskedList list) =>
        list == MaskedList.PreregistrationList ? $"Revealed:{user.UserId()}" : $"Revealed:{list}:{user.UserId()}";

    public static IReadOnlySet<MaskedColumn> Columns(ITempDataDictionary tempData, ClaimsPrincipal user, MaskedList list) =>
        (tempData.Peek(Key(user, list)) as string ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(v => Enum.TryParse<MaskedColumn>(v, out var c) ? c : (MaskedColumn?)null)
        .OfType<MaskedColumn>()
        .ToHashSet();

    public static void Save(ITempDataDictionary tempData, ClaimsPrincipal user, MaskedList list, IEnumerable<MaskedColumn> columns) =>
        tempData[Key(user, list)] = string.Join(',', columns);
}
