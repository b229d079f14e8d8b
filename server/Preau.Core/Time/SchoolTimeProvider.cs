namespace Preau.Core.Time;

/// <summary>The system clock seen from the school's time zone (<c>School:TimeZone</c>, Europe/Paris by
/// default; Indian/Reunion, America/Martinique… for the académies d'outre-mer). Every "local" date
/// the server shows or reads — an announcement's last day, a delegation's end, a job's schedule —
/// is the school's, not the server machine's, which is often UTC.</summary>
public sealed class SchoolTimeProvider : TimeProvider
{
    /// <summary>The zone used when the configuration names none.</summary>
    public const string DefaultZone = "Europe/Paris";

    private readonly TimeZoneInfo _zone;

    /// <summary>Creates the clock for <paramref name="zone"/>.</summary>
    public SchoolTimeProvider(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _zone;

    /// <summary>The clock for the configured zone id (IANA, e.g. "Europe/Paris"); null or empty gives
    /// <see cref="DefaultZone"/>.</summary>
    /// <exception cref="ArgumentException">The zone is unknown on this machine (the message says
    /// which, and that the tzdata package provides the zones).</exception>
    public static SchoolTimeProvider For(string? zoneId)
    {
        var id = string.IsNullOrWhiteSpace(zoneId) ? DefaultZone : zoneId.Trim();
        try
        {
            return new SchoolTimeProvider(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"School:TimeZone: unknown time zone '{id}' (an IANA id such as Europe/Paris; on Debian the zones come with the tzdata package)", nameof(zoneId), ex);
        }
    }
}
