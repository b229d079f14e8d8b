using System.Globalization;
using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>A delegation with an end date stops by itself when the date passes: the server's clock is
/// moved forward, no job runs.</summary>
public class DelegationExpiryTests
{
    [Test]
    public async Task DelegationUntilTomorrow_WorksToday_RefusedTheDayAfter()
    {
        var time = new ShiftedTime();
        await using var server = await TestServer.StartAsync(time: time);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).DateTime);
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var admin = await WebClient.SignedInAsync(server, "admin");
        using var granted = await admin.SendAsync(HttpMethod.Post, "api/admin/delegations", new { login = "dane", until = tomorrow });
        using var grantedJson = await WebClient.Json(granted);
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(grantedJson.RootElement.GetProperty("untilText").GetString(), Is.EqualTo($"{tomorrow} inclus"));

        using (var dane = await WebClient.SignedInAsync(server, "dane"))
        using (var today1 = await dane.GetAsync("api/admin/audit"))
        {
            Assert.That(today1.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        time.Advance(TimeSpan.FromDays(2));
        using var later = await WebClient.SignedInAsync(server, "dane");
        using var refused = await later.GetAsync("api/admin/audit");
        using var json = await WebClient.Json(refused);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("a pris fin").And.Contain(tomorrow));

        using var admin2 = await WebClient.SignedInAsync(server, "admin");
        using var list = await admin2.GetAsync("api/admin/delegations");
        using var listJson = await WebClient.Json(list);
        Assert.That(listJson.RootElement.GetProperty("delegations")[0].GetProperty("active").GetBoolean(), Is.False, "listed as expired until revoked");
    }
}
