using Microsoft.AspNetCore.Http;
using Preau.Core.Accounts;
using Preau.Plugins.Rights;

namespace Preau.PluginHost.Http;

/// <summary>How the web layer tells the dispatcher who calls and what they may do: the session's
/// account, and the server's one rights check.</summary>
/// <param name="Caller">The signed-in account of a request, or null.</param>
/// <param name="Check">Whether an account holds a right, with the French reason.</param>
public sealed record PluginHttpSecurity(Func<HttpContext, Account?> Caller, Func<Account, string, RightCheck> Check);
