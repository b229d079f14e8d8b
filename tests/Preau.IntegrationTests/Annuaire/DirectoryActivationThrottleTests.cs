using System.Net;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The activation throttle with its default limits (own server: every request comes from
/// 127.0.0.1): five wrong codes, then 429 with Retry-After, even for the right code.</summary>
public class DirectoryActivationThrottleTests
{
    [Test]
    public async Task WrongCodeSixTimes_Is429WithRetryAfter_EvenForTheRightCode()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var school = ImportedSchool.Import(server);
        var line = school.Codes.First(c => c.Profile == "Élève");
        var other = school.Codes.First(c => c.Profile == "Élève" && c.Login != line.Login);
        using var anonymous = PluginServer.Anonymous(server);

        for (var i = 0; i < 5; i++)
        {
            await ExpectAsync(anonymous, HttpStatusCode.BadRequest, HttpMethod.Post, "activate", new { login = line.Login, code = $"AAAA-BBBB-CCC{i + 2}", password = "Une phrase de passe" });
        }

        var blocked = await ExpectAsync(anonymous, (HttpStatusCode)429, HttpMethod.Post, "activate", new { login = line.Login, code = "AAAA-BBBB-CCCC", password = "Une phrase de passe" });
        Assert.That(blocked.Error, Does.StartWith("Trop d'essais : réessayez dans 15 minutes"));
        var retryAfter = blocked.Response.Headers.RetryAfter?.Delta;
        Assert.That(retryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(blocked.Json.GetProperty("retryAfter").GetInt32(), Is.EqualTo((int)retryAfter!.Value.TotalSeconds));

        await ExpectAsync(anonymous, (HttpStatusCode)429, HttpMethod.Post, "activate", new { login = line.Login, code = line.Code, password = "Une phrase de passe" });
        await ExpectAsync(anonymous, (HttpStatusCode)429, HttpMethod.Post, "activate", new { login = other.Login, code = other.Code, password = "Une phrase de passe" });
        Assert.That(server.Runtime.Directory.Find(line.Login)!.PasswordHash, Is.Null, "nothing was activated while blocked");
    }
}
