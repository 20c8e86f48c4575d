// First, so that react-dom finds the hook when it loads.
import './renderCounter.ts';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
