using Marginalia.Diagnostics;

namespace Marginalia.Importing;


