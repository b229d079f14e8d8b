using System.Net;
using System.Net.Http.Json;
using System.Text;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>Web sessions through the real HTTP listener: sign-in, cookie, CSRF, sign-out, suspension.</summary>
public class SessionTests : SharedServerFixture
{
    [Test]
    public async Task SignIn_RightPassword_SessionCookieAndCsrfToken()
    {
        using var client = new WebClient(Server);
        using var response = await client.SignInAsync("prof.maths");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        using var json = await WebClient.Json(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cookie, Does.StartWith("preau_session="));
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase);
            Assert.That(cookie, Does.Contain("samesite=strict").IgnoreCase);
            Assert.That(cookie, Does.Not.Contain("secure").IgnoreCase, "Secure only when the request is HTTPS");
            Assert.That(cookie.Split(';')[0]["preau_session=".Length..], Has.Length.GreaterThanOrEqualTo(43), "256 random bits");
            Assert.That(json.RootElement.GetProperty("login").GetString(), Is.EqualTo("prof.maths"));
            Assert.That(json.RootElement.GetProperty("address").GetString(), Is.EqualTo("prof.maths@demo.preau.test"));
            Assert.That(json.RootElement.GetProperty("displayName").GetString(), Is.EqualTo("Prof. Maths Démo"));
            Assert.That(json.RootElement.GetProperty("profile").GetString(), Is.EqualTo("Enseignant"));
            Assert.That(client.Csrf, Has.Length.GreaterThanOrEqualTo(43));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        }

        using var again = await client.GetAsync("api/session");
        using var info = await WebClient.Json(again);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(info.RootElement.GetProperty("csrfToken").GetString(), Is.EqualTo(client.Csrf));
    }

    [Test]
    public async Task SignIn_TwoSessions_DifferentCookiesAndTokens()
    {
        using var a = await WebClient.SignedInAsync(Server, "cpe");
        using var b = await WebClient.SignedInAsync(Server, "cpe");
        var uri = new Uri($"http://127.0.0.1:{Server.WebPort}/");
        Assert.That(a.Cookies.GetCookies(uri)["preau_session"]!.Value, Is.Not.EqualTo(b.Cookies.GetCookies(uri)["preau_session"]!.Value));
        Assert.That(a.Csrf, Is.Not.EqualTo(b.Csrf));
    }

    [TestCase("prof.maths", "mauvais")]
    [TestCase("personne", "demo")]
    public async Task SignIn_WrongPasswordOrUnknownLogin_401InFrench(string login, string password)
    {
        using var client = new WebClient(Server);
        using var response = await client.SignInAsync(login, password);
        using var json = await WebClient.Json(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Is.EqualTo("Identifiant ou mot de passe incorrect."));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [TestCase("{\"login\": \"admin\"", HttpStatusCode.BadRequest)]
    [TestCase("[1, 2]", HttpStatusCode.BadRequest)]
    [TestCase("{\"login\": \"admin\"}", HttpStatusCode.BadRequest)]
    [TestCase("", HttpStatusCode.BadRequest)]
    public async Task SignIn_MalformedBody_400(string body, HttpStatusCode expected)
    {
        using var client = new WebClient(Server);
        using var response = await client.SendAsync(HttpMethod.Post, "api/session", new StringContent(body, Encoding.UTF8, "application/json"));
        using var json = await WebClient.Json(response);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task SignIn_HugeBody_413()
    {
        using var client = new WebClient(Server);
        var body = "{\"login\": \"" + new string('a', 100_000) + "\", \"password\": \"x\"}";
        using var response = await client.SendAsync(HttpMethod.Post, "api/session", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task NoSession_401Json()
    {
        using var client = new WebClient(Server);
        using var response = await client.GetAsync("api/session");
        using var json = await WebClient.Json(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Is.EqualTo("Vous devez vous connecter."));

        client.Cookies.Add(new Uri($"http://127.0.0.1:{Server.WebPort}/"), new Cookie("preau_session", "forged-value"));
        using var forged = await client.GetAsync("api/session");
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task StateChange_WithoutOrWithWrongCsrf_403_WithItPasses()
    {
        using var client = await WebClient.SignedInAsync(Server, "admin");
        var grant = new { granted = true };
        const string Path = "api/admin/grants/cahier-de-textes.read-rooms/function:Documentaliste";

        using var missing = await client.SendAsync(HttpMethod.Put, Path, grant, csrf: false);
        using var missingJson = await WebClient.Json(missing);
        var token = client.Csrf;
        client.Csrf = "pas-le-bon-jeton";
        using var wrong = await client.SendAsync(HttpMethod.Put, Path, grant);
        client.Csrf = token;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(missingJson.RootElement.GetProperty("error").GetString(), Does.Contain("CSRF"));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Server.Runtime.Rights.Matrix("cahier-de-textes").Single().Actions.Single(a => a.Right == "cahier-de-textes.read-rooms")
                .Grants.Single(g => g.Grantee.Value == nameof(StaffFunction.Documentaliste)).Granted, Is.False, "nothing changed");
        }

        using var ok = await client.SendAsync(HttpMethod.Put, Path, grant);
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var reset = await client.SendAsync(HttpMethod.Delete, Path);
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var signOutWithoutToken = await client.SendAsync(HttpMethod.Delete, "api/session", csrf: false);
        Assert.That(signOutWithoutToken.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "sign-out is a state change too");
    }

    [Test]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await WebClient.SignedInAsync(Server, "parent.6a");
        using var signOut = await client.SendAsync(HttpMethod.Delete, "api/session");
        using var after = await client.GetAsync("api/session");
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Suspension_DropsTheAccountsSessions()
    {
        using var client = await WebClient.SignedInAsync(Server, "eleve.5b");
        try
        {
            Server.Runtime.Directory.SetState("eleve.5b", AccountState.Suspended, "test");
            using var after = await client.GetAsync("api/session");
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

            using var signIn = await client.SignInAsync("eleve.5b");
            using var json = await WebClient.Json(signIn);
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(json.RootElement.GetProperty("error").GetString(), Is.EqualTo("Ce compte est suspendu : il ne peut pas se connecter."));
        }
        finally
        {
            Server.Runtime.Directory.SetState("eleve.5b", AccountState.Active, "test");
        }

        using var reactivated = await client.GetAsync("api/session");
        Assert.That(reactivated.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a dropped session stays dropped");
    }

    [Test]
    public async Task PasswordChange_EndsOlderSessions()
    {
        using var client = await WebClient.SignedInAsync(Server, "eleve2.6a");
        Server.Runtime.Directory.SetPassword("eleve2.6a", "nouveau-mdp", "test");
        try
        {
            using var after = await client.GetAsync("api/session");
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        finally
        {
            Server.Runtime.Directory.SetPassword("eleve2.6a", TestServer.Password, "test");
        }
    }

    [Test]
    public async Task SignIn_OverHttpWithJsonHelper_AcceptsAnAddressAsLogin()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.WebPort}/") };
        using var response = await http.PostAsJsonAsync("api/session", new { login = "prof.anglais@demo.preau.test", password = "demo" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
