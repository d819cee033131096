namespace PartnerCenter.Core.Common;

public static class TimeProviderExtensions
{
    /// <summary>"Now" as a UTC <see cref="DateTime"/>: the form every stored time has.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
