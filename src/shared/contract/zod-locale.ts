// Validation messages in French: they reach the user as the details of INVALID_INPUT.
import { z } from 'zod';

z.config(z.locales.fr());
