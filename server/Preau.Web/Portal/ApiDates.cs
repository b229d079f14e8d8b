using System.Globalization;
using Preau.Core.Rights;

namespace Preau.Web.Portal;

/// <summary>Dates sent by the webmail: a day (<c>2026-09-30</c>: its start, or its end for an end date,
/// where the school is), a local date and time without offset (<c>2026-09-30T08:00</c>, where the school
/// is: what an HTML <c>datetime-local</c> field sends), or an ISO 8601 instant with its offset.</summary>
internal static class ApiDates
{
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Delegation.EndOfDay(endOfDay ? date : date.AddDays(-1), zone);
        }

        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            return null;
        }

        return moment.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(moment, zone.GetUtcOffset(moment))
            : DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }
}
