namespace Preau.Demo;

/// <summary>A fixed account of the demo school, with a known login and the demo password.</summary>
/// <param name="Login">The exact login, e.g. <c>prof.anglais</c>.</param>
/// <param name="Description">What the account is, in French, for the README and the startup banner.</param>
public sealed record DemoPersona(string Login, string Description);
