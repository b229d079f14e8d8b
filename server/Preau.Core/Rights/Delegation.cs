namespace Preau.Core.Rights;

/// <summary>Delegated administration: an académie support account (the DANE) holds the administrators'
/// rights on the school, optionally until a moment.</summary>
/// <param name="AccountId">The delegate's stable id.</param>
/// <param name="Login">Its login when granted.</param>
/// <param name="GrantedBy">Who granted it.</param>
/// <param name="GrantedAt">When.</param>
/// <param name="Until">The moment it stops working, or null for no end.</param>
public sealed record Delegation(string AccountId, string Login, string GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? Until)
{
    /// <summary>Whether the delegation works at <paramref name="now"/>: an expired one stops by itself, no job needed.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Until is not { } until || now < until;

    /// <summary>The end of <paramref name="date"/> in <paramref name="zone"/>: "until 2026-09-30" means
    /// the whole of that day where the school is.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
