using IntervisieBot;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettings();
builder.AddIntervisieBot();

var app = builder.Build();
app.MapIntervisieBot();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
