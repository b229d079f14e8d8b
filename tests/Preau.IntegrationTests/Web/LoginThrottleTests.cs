using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>Failed web sign-ins are throttled by Core's authenticator, like IMAP and SMTP logins. On its
/// own server: the failures from 127.0.0.1 would slow every other test's sign-in.</summary>
public class LoginThrottleTests
{
    [Test]
    public async Task SignIn_AfterRepeatedFailures_SaysWhenToRetry_ThenTheRightPasswordStillWorks()
    {
        await using var server = await TestServer.StartAsync();
        using var client = new WebClient(server);
        var retryAfter = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await client.SignInAsync("cpe", "devine-" + i);
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            retryAfter.Add(failed.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.That(retryAfter, Is.EqualTo(new[] { null, null, "1", "1" }), "free failures, then a delay that grows from 250 ms");

        using var ok = await client.SignInAsync("cpe");
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), "throttling delays, it does not lock the account");
    }
}
