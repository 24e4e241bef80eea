// Vitest runs in jsdom; nothing global is needed beyond cleaning the DOM,
// which @testing-library/react does after each test when globals are off.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
