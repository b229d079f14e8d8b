using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>Dates an administrator types are the school's (School:TimeZone), not the server machine's.</summary>
public class SchoolTimeZoneTests
{
    [Test]
    public async Task AnnouncementLastDay_EndsAtMidnightInTheSchoolsZone()
    {
        await using var server = await TestServer.StartAsync(s => s["School:TimeZone"] = "Indian/Reunion");
        using var principal = await WebApiSession.SignInAsync(server, "principal");
        var created = await principal.SendJsonAsync(
            HttpMethod.Post, "api/announcements", new { title = "Réunion", body = "<p>Jeudi</p>", end = "2099-06-30", profiles = Array.Empty<string>() }, HttpStatusCode.Created);

        var end = created.GetProperty("end").GetDateTimeOffset();
        var lastDayInReunion = new DateTimeOffset(2099, 6, 30, 0, 0, 0, TimeSpan.FromHours(4));
        Assert.That(end, Is.GreaterThan(lastDayInReunion.AddHours(23)).And.LessThanOrEqualTo(lastDayInReunion.AddDays(1)), $"end {end:O}");
    }
}
