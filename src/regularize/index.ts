export {
  l1Penalty, l2Penalty, elasticNet, weightDecay, isPenalty,
  type Penalty, type PenaltyTarget, type PenaltyOptions, type PenaltyKind,
} from './penalty.js';
