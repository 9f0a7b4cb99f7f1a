namespace Marginalia;
